import { FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField } from "../components/account-fields.tsx";
import { expectedFailure } from "../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { fieldProblems, readFields } from "../lib/form-values.server.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";
import { useFormFailure } from "../lib/use-form-failure.ts";

export const headers = privateNoStoreHeaders;
export const meta = privatePageMeta("account.forgotPasswordTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await loadStorefront(request, params);
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, locale } = await loadStorefront(request, params);
  const values = readFields(await request.formData(), ["email"] as const);
  try {
    await api.account.requestPasswordReset({ email: values.email, locale });
  } catch (error) {
    const failure = expectedFailure(error);
    return data({ sent: false as const, code: failure.code, email: values.email, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
  // The same page whether or not the email has an account here.
  return { sent: true as const, email: values.email };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const failed = result?.sent === false ? result : null;
  const { formError, fieldError } = useFormFailure(failed);
  return (
    <section className="account-form" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("account.forgotPasswordTitle")}</h1>
      {result?.sent ? (
        <p className="notice" role="status">
          {t("account.resetLinkSent", { email: result.email })}
        </p>
      ) : (
        <Form method="post">
          <p>{t("account.forgotPasswordIntro")}</p>
          <FormError message={formError} />
          <EmailField defaultValue={failed?.email} error={fieldError("email")} />
          <SubmitButton label={t("account.forgotPasswordSubmit")} />
        </Form>
      )}
      <p>
        <Link to={localePath("/account/sign-in")}>{t("account.signInLink")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
