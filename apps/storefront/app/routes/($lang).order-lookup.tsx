import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField } from "../components/account-fields.tsx";
import { OrderDetail } from "../components/order-detail.tsx";
import { expectedFailure } from "../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { fieldProblems, readFields } from "../lib/form-values.server.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";
import { useFormFailure } from "../lib/use-form-failure.ts";

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
    const failure = expectedFailure(error);
    return data({ found: false as const, code: failure.code, values, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
}

export default function OrderLookup() {
  const { locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const failed = result?.found === false ? result : null;
  const { formError, fieldError } = useFormFailure(failed);
  return (
    <section className="account" aria-labelledby={result?.found ? "order-title" : "lookup-title"}>
      {result?.found ? (
        <OrderDetail order={result.order} locale={locale} />
      ) : (
        <div className="account-form">
          <h1 id="lookup-title">{t("account.lookupTitle")}</h1>
          <p>{t("account.lookupIntro")}</p>
          <Form method="post">
            <FormError message={failed?.code === "NOT_FOUND" ? t("account.lookupNotFound") : formError} />
            <EmailField defaultValue={failed?.values.email} error={fieldError("email")} />
            <Field
              name="number"
              label={t("account.orderNumberLabel")}
              inputMode="numeric"
              pattern="[0-9]*"
              required
              maxLength={9}
              defaultValue={failed?.values.number}
              error={fieldError("number")}
            />
            <SubmitButton label={t("account.lookupSubmit")} />
          </Form>
        </div>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
