import { apiFailure } from "@primestore/api/remix";
import { Field, FormError, RouteError } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OrderDetail } from "../components/order-detail.tsx";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { fieldProblems, readFields } from "../lib/form-values.server.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export const headers = privateNoStoreHeaders;
export const meta = privatePageMeta("account.lookupTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { locale } = await loadStorefront(request, params);
  return { locale };
}

/** A POST, not a link: the email stays out of URLs, logs and history, and the API counts misses. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await loadStorefront(request, params);
  const values = readFields(await request.formData(), ["email", "number"] as const);
  try {
    const number = /^\d{1,9}$/.test(values.number) ? Number(values.number) : Number.NaN;
    return { found: true as const, order: await api.account.lookupGuestOrder({ email: values.email, number }) };
  } catch (error) {
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    return data({ found: false as const, code: failure.code, values, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
}

export default function OrderLookup() {
  const { locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const failed = result?.found === false ? result : null;
  const formError = failed?.code === "NOT_FOUND" ? t("account.lookupNotFound") : failed && failed.code !== "VALIDATION" ? t(`errors.${failed.code}`) : null;
  const problem = (field: "email" | "number") => (failed?.problems[field] ? t(`forms.${failed.problems[field]}`) : undefined);
  return (
    <section className="account" aria-labelledby={result?.found ? "order-title" : "lookup-title"}>
      {result?.found ? (
        <OrderDetail order={result.order} locale={locale} />
      ) : (
        <div className="account-form">
          <h1 id="lookup-title">{t("account.lookupTitle")}</h1>
          <p>{t("account.lookupIntro")}</p>
          <Form method="post">
            <FormError message={formError} />
            <Field name="email" type="email" label={t("common.email")} autoComplete="email" required defaultValue={failed?.values.email} error={problem("email")} />
            <Field
              name="number"
              label={t("account.orderNumberLabel")}
              inputMode="numeric"
              pattern="[0-9]*"
              required
              maxLength={9}
              defaultValue={failed?.values.number}
              error={problem("number")}
            />
            <button type="submit" disabled={submitting}>
              {submitting ? t("common.loading") : t("account.lookupSubmit")}
            </button>
          </Form>
        </div>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
