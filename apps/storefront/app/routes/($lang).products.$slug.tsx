import { formatMoney } from "@primestore/i18n";
import { Field, RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ProductGallery } from "../components/product-gallery.tsx";
import { VariantPicker } from "../components/variant-picker.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { productJsonLd } from "../lib/product-json-ld.ts";
import { localizedUrl, pageMeta, plainText, seoContextOf } from "../lib/seo.ts";
import { MAX_QUANTITY } from "../lib/cart-line.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { loadStorefront } from "../lib/storefront.server.ts";
import { initialSelection, type Selection, variantFor } from "../lib/variant-choice.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, tenant, locale, currency } = await loadStorefront(request, params);
  // A slug that can't exist (bad characters) names no product: 404, like an unknown one.
  const product = await api.catalog
    .get({ slug: params.slug ?? "", currency, locale })
    .catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  return { product, currency, locale, storeName: tenant.name, selection: initialSelection(product, new URL(request.url).searchParams) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const seo = seoContextOf(matches);
  const { product, currency, storeName } = data;
  const url = seo ? localizedUrl(seo, seo.locale, seo.path) : "";
  return pageMeta(seo, {
    title: `${product.title} · ${storeName}`,
    description: plainText(product.description) || product.title,
    image: product.images[0]?.url,
    type: "product",
    extra: [{ "script:ld+json": productJsonLd(product, url, currency, storeName) }],
  });
};

export const headers = publicCatalogHeaders;

export default function ProductPage() {
  const { product, currency, locale, selection: initial } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const [selection, setSelection] = useState(initial);
  // A new page (another product, or a choice made without JavaScript) starts from its own choice.
  useEffect(() => setSelection(initial), [initial]);
  const choose = (next: Selection) => {
    setSelection(next);
    // The address names the choice, so it can be shared or reloaded; no server round trip.
    const url = new URL(window.location.href);
    for (const [name, value] of Object.entries(next)) url.searchParams.set(name, value);
    url.searchParams.delete("variant");
    window.history.replaceState(window.history.state, "", url);
  };
  const money = (amount: number | null) => (amount === null ? t("storefront.priceUnavailable") : formatMoney(amount, currency, locale));
  const variant = variantFor(product.variants, selection);
  const buyable = variant && variant.price !== null && variant.available > 0 ? variant : null;
  return (
    <article className="product">
      <ProductGallery images={product.images} />
      <div className="product-details">
        <h1>{product.title}</h1>
        {product.options.length ? <VariantPicker product={product} selection={selection} onChange={choose} /> : null}
        <div className="variant-status" aria-live="polite">
          <p className="price">{money(variant ? variant.price : product.priceFrom)}</p>
          {variant ? (
            <>
              <p>{variant.available > 0 ? t("storefront.availableCount", { quantity: variant.available }) : t("storefront.outOfStock")}</p>
              <p className="sku">{t("catalog.sku", { sku: variant.sku })}</p>
            </>
          ) : (
            <p>{t("catalog.combinationUnavailable")}</p>
          )}
        </div>

        {buyable ? (
          <Form method="get" action={localePath("/checkout")} className="buy-form">
            <input type="hidden" name="product" value={product.slug} />
            <input type="hidden" name="variant" value={buyable.id} />
            <Field name="qty" type="number" label={t("storefront.quantity")} defaultValue={1} min={1} max={MAX_QUANTITY} required />
            <button type="submit">{t("storefront.buyNow")}</button>
            {/* The same variant and quantity, posted to the cart instead: a plain form post, so it works without JavaScript. */}
            <button type="submit" name="intent" value="add" formMethod="post" formAction={localePath("/cart")} className="button-secondary">
              {t("cart.addToCart")}
            </button>
          </Form>
        ) : product.inStock ? null : (
          <p className="notice">{t("storefront.soldOut")}</p>
        )}

        {/* The column's contract is sanitised seller HTML (prisma/schema.prisma); showing it as markup is the point. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: product.description }} />
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <RouteError notFoundMessage={t("storefront.productNotFound")} />;
}
