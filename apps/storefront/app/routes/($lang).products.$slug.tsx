import { formatMoney } from "@primestore/i18n";
import { Field, RouteError, SelectField } from "@primestore/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StockBadge } from "../components/stock-badge.tsx";
import { throwAsResponse } from "../lib/api-errors.server.ts";
import { publicCatalogHeaders } from "../lib/cache-headers.ts";
import { productJsonLd } from "../lib/product-json-ld.ts";
import { localizedUrl, pageMeta, plainText, seoContextOf } from "../lib/seo.ts";
import { MAX_QUANTITY } from "../lib/cart-line.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, tenant, locale, currency } = await loadStorefront(request, params);
  // A slug that can't exist (bad characters) names no product: 404, like an unknown one.
  const product = await api.catalog
    .get({ slug: params.slug ?? "", currency, locale })
    .catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  return { product, currency, locale, storeName: tenant.name };
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
  const { product, currency, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const money = (amount: number | null) => (amount === null ? t("storefront.priceUnavailable") : formatMoney(amount, currency, locale));
  const buyable = product.variants.filter((variant) => variant.available > 0 && variant.price !== null);
  const image = product.images[0];
  return (
    <article className="product">
      {image ? <img src={image.url} alt={image.alt} className="product-image" /> : null}
      <div className="product-details">
        <h1>{product.title}</h1>
        <p className="price">{money(product.priceFrom)}</p>
        <StockBadge inStock={product.inStock} />
        {/* The column's contract is sanitised seller HTML (prisma/schema.prisma); showing it as markup is the point. */}
        <div className="prose" dangerouslySetInnerHTML={{ __html: product.description }} />

        <h2>{t("storefront.variants")}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("storefront.variant")}</th>
              <th scope="col">{t("storefront.price")}</th>
              <th scope="col">{t("storefront.availability")}</th>
            </tr>
          </thead>
          <tbody>
            {product.variants.map((variant) => (
              <tr key={variant.id}>
                <th scope="row">{variant.title}</th>
                <td>{money(variant.price)}</td>
                <td>{variant.available > 0 ? t("storefront.availableCount", { quantity: variant.available }) : t("storefront.outOfStock")}</td>
              </tr>
            ))}
          </tbody>
        </table>

        {buyable.length ? (
          <Form method="get" action={localePath("/checkout")} className="buy-form">
            <input type="hidden" name="product" value={product.slug} />
            <SelectField
              name="variant"
              label={t("storefront.variant")}
              options={buyable.map((variant) => ({ value: variant.id, label: `${variant.title} · ${money(variant.price)}` }))}
            />
            <Field name="qty" type="number" label={t("storefront.quantity")} defaultValue={1} min={1} max={MAX_QUANTITY} required />
            <button type="submit">{t("storefront.buyNow")}</button>
            {/* The same option and quantity, posted to the cart instead: a plain form post, so it works without JavaScript. */}
            <button type="submit" name="intent" value="add" formMethod="post" formAction={localePath("/cart")} className="button-secondary">
              {t("cart.addToCart")}
            </button>
          </Form>
        ) : (
          <p className="notice">{t("storefront.soldOut")}</p>
        )}
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  return <RouteError notFoundMessage={t("storefront.productNotFound")} />;
}
