import { apiFailure } from "@primestore/api/remix";
import { Field, FormError, RouteError } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { redirectSignedIn } from "../lib/account.server.ts";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { fieldProblems, readFields, readPassword } from "../lib/form-values.server.ts";
import { safeRedirect } from "../lib/http.server.ts";
import { localeHref, useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export const headers = privateNoStoreHeaders;
export const meta = privatePageMeta("account.signInTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await loadStorefront(request, params);
  await redirectSignedIn(api, params.lang);
  const url = new URL(request.url);
  return { redirectTo: safeRedirect(url.searchParams.get("redirectTo"), localeHref(params.lang, "/account")), resetDone: url.searchParams.has("reset") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers, locale } = await loadStorefront(request, params);
  const form = await request.formData();
  const values = { ...readFields(form, ["email"] as const), password: readPassword(form, "password") };
  try {
    await api.account.signIn({ ...values, locale });
  } catch (error) {
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    return data({ code: failure.code, email: values.email, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
  // The procedure put the session cookie (and the expired guest cart cookie) on `headers`.
  return redirect(safeRedirect(form.get("redirectTo"), localeHref(params.lang, "/account")), { headers });
}

export default function SignIn() {
  const { redirectTo, resetDone } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const problem = (field: "email" | "password") => (failed?.problems[field] ? t(`forms.${failed.problems[field]}`) : undefined);
  return (
    <section className="account-form" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("account.signInTitle")}</h1>
      {resetDone && !failed ? (
        <p className="notice" role="status">
          {t("account.resetDone")}
        </p>
      ) : null}
      <Form method="post">
        <FormError message={failed && failed.code !== "VALIDATION" ? t(`errors.${failed.code}`) : null} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" type="email" label={t("common.email")} autoComplete="email" required defaultValue={failed?.email} error={problem("email")} />
        <Field name="password" type="password" label={t("common.password")} autoComplete="current-password" required error={problem("password")} />
        <p className="field-hint">{t("account.cartKept")}</p>
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.loading") : t("account.signInSubmit")}
        </button>
      </Form>
      <p>
        <Link to={localePath("/account/forgot-password")}>{t("account.forgotPasswordLink")}</Link>
      </p>
      <p>
        {t("account.noAccount")} <Link to={`${localePath("/account/sign-up")}?${new URLSearchParams({ redirectTo })}`}>{t("account.createAccount")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
