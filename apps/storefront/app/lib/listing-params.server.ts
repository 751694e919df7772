import { LISTING_MAX_PAGE, listingSorts, type ListingSort } from "@primestore/api/remix";
import { parseMinorUnits } from "@primestore/i18n";
import { z } from "zod";

/** Option filters travel as `f.<option name>=<value>`, repeated: `?f.Cor=Azul&f.Tamanho=M`. */
export const OPTION_PARAM_PREFIX = "f.";

export interface ListingParams {
  sort: ListingSort;
  page: number;
  priceMin?: number;
  priceMax?: number;
  inStock: boolean;
  options: Record<string, string[]>;
  /** Something in the query string was not a filter we could apply; it was left out. */
  ignored: boolean;
}

const pageParam = z.coerce.number().int().min(1).max(LISTING_MAX_PAGE);

function price(text: string | null, currency: string): { value?: number; ignored: boolean } {
  if (!text?.trim()) return { ignored: false };
  const minor = parseMinorUnits(text, currency);
  return minor === null || minor > 100_000_000n ? { ignored: true } : { value: Number(minor), ignored: false };
}

/**
 * A listing's filters from its URL (GET forms, links, crawlers): anything malformed is dropped and
 * flagged rather than failing the page. Prices are typed in the shopper's currency ("129,90").
 */
export function parseListingParams(searchParams: URLSearchParams, currency: string): ListingParams {
  const sort = listingSorts.find((value) => value === searchParams.get("sort"));
  const page = pageParam.safeParse(searchParams.get("page") ?? 1);
  let min = price(searchParams.get("min"), currency);
  let max = price(searchParams.get("max"), currency);
  if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
    min = { ignored: true };
    max = { ignored: true };
  }
  const options: Record<string, string[]> = {};
  for (const [key, value] of searchParams) {
    const name = key.slice(OPTION_PARAM_PREFIX.length).trim();
    if (!key.startsWith(OPTION_PARAM_PREFIX) || !name || !value.trim() || name.length > 60 || value.length > 60) continue;
    options[name] = [...(options[name] ?? []), value.trim()].slice(0, 20);
  }
  return {
    sort: sort ?? "relevance",
    page: page.success ? page.data : 1,
    priceMin: min.value,
    priceMax: max.value,
    inStock: searchParams.get("stock") === "1",
    options: Object.fromEntries(Object.entries(options).slice(0, 10)),
    ignored: (searchParams.has("sort") && !sort) || (searchParams.has("page") && !page.success) || min.ignored || max.ignored,
  };
}
