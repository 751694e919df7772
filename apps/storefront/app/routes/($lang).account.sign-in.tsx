import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField } from "../components/account-fields.tsx";
import { redirectSignedIn } from "../lib/account.server.ts";
import { expectedFailure } from "../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../lib/cache-headers.ts";
import { fieldProblems, readFields, readPassword } from "../lib/form-values.server.ts";
import { safeRedirect } from "../lib/http.server.ts";
import { localeHref, useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";
import { useFormFailure } from "../lib/use-form-failure.ts";

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
    const failure = expectedFailure(error);
    return data({ code: failure.code, email: values.email, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
  // The procedure put the session cookie (and the expired guest cart cookie) on `headers`.
  return redirect(safeRedirect(form.get("redirectTo"), localeHref(params.lang, "/account")), { headers });
}

export default function SignIn() {
  const { redirectTo, resetDone } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { formError, fieldError } = useFormFailure(failed);
  return (
    <section className="account-form" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t("account.signInTitle")}</h1>
      {resetDone && !failed ? (
        <p className="notice" role="status">
          {t("account.resetDone")}
        </p>
      ) : null}
      <Form method="post">
        <FormError message={formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailField defaultValue={failed?.email} error={fieldError("email")} />
        <Field name="password" type="password" label={t("common.password")} autoComplete="current-password" required error={fieldError("password")} />
        <p className="field-hint">{t("account.cartKept")}</p>
        <SubmitButton label={t("account.signInSubmit")} />
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
