/** What choosing a variant needs of a product: each option's values, and each variant's values and stock. */
export interface ChoosableProduct {
  options: Array<{ name: string; values: string[] }>;
  variants: Array<{ id: string; options: Record<string, string>; price: number | null; available: number }>;
}

export type Selection = Record<string, string>;

const buyable = (variant: ChoosableProduct["variants"][number]) => variant.price !== null && variant.available > 0;

/** The variant with exactly these option values, if the product has one. */
export function variantFor<V extends ChoosableProduct["variants"][number]>(variants: V[], selection: Selection): V | undefined {
  return variants.find((variant) => Object.entries(variant.options).every(([name, value]) => selection[name] === value));
}

/** Whether picking `value` for `name`, keeping the other choices, lands on a variant that can be bought. */
export function canBuyWith(product: ChoosableProduct, selection: Selection, name: string, value: string): boolean {
  const variant = variantFor(product.variants, { ...selection, [name]: value });
  return variant ? buyable(variant) : false;
}

/**
 * The choice a page opens with: `?variant=<id>`, else option values named in the query string
 * (`?Cor=Azul&Tamanho=M`; unknown values ignored), completed from the first variant that can be
 * bought (else the first variant).
 */
export function initialSelection(product: ChoosableProduct, query: URLSearchParams): Selection {
  const named = product.variants.find((variant) => variant.id === query.get("variant"));
  if (named) return { ...named.options };
  const asked: Selection = {};
  for (const option of product.options) {
    const value = query.get(option.name);
    if (value !== null && option.values.includes(value)) asked[option.name] = value;
  }
  const matches = (variant: ChoosableProduct["variants"][number]) => Object.entries(asked).every(([name, value]) => variant.options[name] === value);
  const fallback = product.variants.find((variant) => matches(variant) && buyable(variant)) ?? product.variants.find(matches) ?? product.variants[0];
  return { ...fallback?.options, ...asked };
}
