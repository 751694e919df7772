import { Field, FormError, RouteError, SubmitButton, type AppErrorCode } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { apiProblems, readProductForm, toCreateProductInput, type ProductField } from "./product-form.server.ts";
import { ProductsTable } from "./products-table.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  return { products: await api.catalog.sellerList().catch(throwForPage(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = readProductForm(form);
  // The store's default currency, as the page showed it; the API refuses currencies the store hasn't enabled.
  const currency = String(form.get("currency") ?? "");
  invariantResponse(/^[A-Z]{3}$/.test(currency), "BAD_REQUEST", 400);
  const converted = toCreateProductInput(values, currency);
  if (!converted.ok) return data({ ok: false as const, code: "VALIDATION" as AppErrorCode, problems: converted.problems, values }, { status: 400 });

  const { api } = await serverApi(request, { store: params.slug });
  try {
    const created = await api.catalog.create(converted.input);
    return { ok: true as const, created: created.slug };
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ ok: false as const, code: failure.code, problems: apiProblems(failure.invalidFields, values), values }, { status: failure.status });
  }
}

export default function StoreProducts() {
  const { products } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failed = result && !result.ok ? result : null;
  const field = (name: ProductField) => ({
    name,
    defaultValue: failed?.values[name],
    error: failed?.problems[name] ? t(`forms.${failed.problems[name]}`) : undefined,
  });
  // A conflict on create can only be the slug or the SKU (both unique per store).
  const formError = failed ? t(failed.code === "CONFLICT" ? "portal.slugOrSkuTaken" : `errors.${failed.code}`) : null;

  return (
    <>
      <section aria-labelledby="products-title">
        <h2 id="products-title">{t("portal.products")}</h2>
        <ProductsTable initial={products} />
      </section>

      <section aria-labelledby="new-product-title" className="panel">
        <h2 id="new-product-title">{t("portal.newProduct")}</h2>
        {result?.ok ? (
          <p role="status" className="success">
            {t("portal.created")}
          </p>
        ) : null}
        {/* A new key after each success empties the form for the next product. */}
        <Form method="post" key={result?.ok ? result.created : "draft"} className="product-form">
          <FormError message={formError} />
          <input type="hidden" name="currency" value={products.currency} />
          <Field label={t("portal.title_")} required maxLength={200} {...field("title")} />
          <Field label={t("portal.slug")} required maxLength={120} hint={t("portal.slugHint")} autoCapitalize="none" spellCheck={false} {...field("slug")} />
          <Field label={t("portal.sku")} required maxLength={64} autoCapitalize="characters" spellCheck={false} {...field("sku")} />
          <Field
            label={`${t("portal.price")} (${products.currency})`}
            required
            inputMode="decimal"
            hint={t("portal.priceHint")}
            {...field("price")}
          />
          <Field label={t("portal.stock")} type="number" required min={0} {...field("stock")} defaultValue={failed?.values.stock ?? "0"} />
          <SubmitButton label={t("common.save")} />
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
