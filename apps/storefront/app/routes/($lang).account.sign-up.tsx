import { MIN_PASSWORD_LENGTH } from "@primestore/api";
import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailField, NewPasswordField } from "../components/account-fields.tsx";
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
export const meta = privatePageMeta("account.signUpTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await loadStorefront(request, params);
  await redirectSignedIn(api, params.lang);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), localeHref(params.lang, "/account"));
  return { redirectTo, minPasswordLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers, locale } = await loadStorefront(request, params);
  const form = await request.formData();
  const values = { ...readFields(form, ["name", "email"] as const), password: readPassword(form, "password") };
  try {
    await api.account.signUp({ ...values, locale });
  } catch (error) {
    const failure = expectedFailure(error);
    const { password: _, ...typed } = values;
    return data({ code: failure.code, values: typed, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
  return redirect(safeRedirect(form.get("redirectTo"), localeHref(params.lang, "/account")), { headers });
}

export default function SignUp() {
  const { redirectTo, minPasswordLength } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { formError, fieldError } = useFormFailure(failed);
  // A taken email is the email field's problem; other failures concern the whole form.
  const emailTaken = failed?.code === "EMAIL_TAKEN";
  return (
    <section className="account-form" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t("account.signUpTitle")}</h1>
      <Form method="post">
        <FormError message={emailTaken ? null : formError} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="name" label={t("common.name")} autoComplete="name" required maxLength={120} defaultValue={failed?.values.name} error={fieldError("name")} />
        <EmailField defaultValue={failed?.values.email} error={emailTaken ? t("errors.EMAIL_TAKEN") : fieldError("email")} />
        <NewPasswordField label={t("common.password")} minLength={minPasswordLength} error={fieldError("password")} />
        <SubmitButton label={t("account.signUpSubmit")} />
      </Form>
      {emailTaken ? (
        <p>
          <Link to={localePath("/account/forgot-password")}>{t("account.forgotPasswordLink")}</Link>
        </p>
      ) : null}
      <p>
        {t("account.haveAccount")} <Link to={`${localePath("/account/sign-in")}?${new URLSearchParams({ redirectTo })}`}>{t("account.signInLink")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
