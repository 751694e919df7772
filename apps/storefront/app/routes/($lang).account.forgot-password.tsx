import { apiFailure } from "@primestore/api/remix";
import { Field, FormError, RouteError } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { fieldProblems, readFields } from "../lib/form-values.server.ts";
import { useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

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
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    return data({ sent: false as const, code: failure.code, email: values.email, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
  // The same page whether or not the email has an account here.
  return { sent: true as const, email: values.email };
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const failed = result?.sent === false ? result : null;
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
          <FormError message={failed && failed.code !== "VALIDATION" ? t(`errors.${failed.code}`) : null} />
          <Field
            name="email"
            type="email"
            label={t("common.email")}
            autoComplete="email"
            required
            defaultValue={failed?.email}
            error={failed?.problems.email ? t(`forms.${failed.problems.email}`) : undefined}
          />
          <button type="submit" disabled={submitting}>
            {submitting ? t("common.loading") : t("account.forgotPasswordSubmit")}
          </button>
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
