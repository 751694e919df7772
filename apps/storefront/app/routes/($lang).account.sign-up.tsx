import { MIN_PASSWORD_LENGTH } from "@primestore/api";
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
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    const { password: _, ...typed } = values;
    return data({ code: failure.code, values: typed, problems: fieldProblems(failure.invalidFields, values) }, { status: failure.status });
  }
  return redirect(safeRedirect(form.get("redirectTo"), localeHref(params.lang, "/account")), { headers });
}

export default function SignUp() {
  const { redirectTo, minPasswordLength } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const problem = (field: "name" | "email" | "password") => (failed?.problems[field] ? t(`forms.${failed.problems[field]}`) : undefined);
  // A taken email is the email field's problem; other failures concern the whole form.
  const emailTaken = failed?.code === "EMAIL_TAKEN";
  return (
    <section className="account-form" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">{t("account.signUpTitle")}</h1>
      <Form method="post">
        <FormError message={failed && !emailTaken && failed.code !== "VALIDATION" ? t(`errors.${failed.code}`) : null} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="name" label={t("common.name")} autoComplete="name" required maxLength={120} defaultValue={failed?.values.name} error={problem("name")} />
        <Field
          name="email"
          type="email"
          label={t("common.email")}
          autoComplete="email"
          required
          defaultValue={failed?.values.email}
          error={emailTaken ? t("errors.EMAIL_TAKEN") : problem("email")}
        />
        <Field
          name="password"
          type="password"
          label={t("common.password")}
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          hint={t("account.passwordHint", { min: minPasswordLength })}
          error={problem("password")}
        />
        <button type="submit" disabled={submitting}>
          {submitting ? t("common.loading") : t("account.signUpSubmit")}
        </button>
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
