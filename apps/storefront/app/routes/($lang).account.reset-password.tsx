import { MIN_PASSWORD_LENGTH } from "@primestore/api";
import { FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewPasswordField } from "../components/account-fields.tsx";
import { expectedFailure } from "../lib/api-errors.server.ts";
import { PRIVATE_NO_STORE } from "../lib/cache-headers.ts";
import { readFields, readPassword } from "../lib/form-values.server.ts";
import { localeHref, useLocalePath } from "../lib/locale-path.ts";
import { privatePageMeta } from "../lib/private-page-meta.ts";
import { loadStorefront } from "../lib/storefront.server.ts";
import { useFormFailure } from "../lib/use-form-failure.ts";

// The token is in this page's URL: no Referer may carry it to another site.
export const headers: HeadersFunction = () => ({ "Cache-Control": PRIVATE_NO_STORE, "Referrer-Policy": "no-referrer" });
export const meta = privatePageMeta("account.resetPasswordTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await loadStorefront(request, params);
  return { token: new URL(request.url).searchParams.get("token") ?? "", minPasswordLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await loadStorefront(request, params);
  const form = await request.formData();
  const { token } = readFields(form, ["token"] as const);
  try {
    await api.account.resetPassword({ token, password: readPassword(form, "password") });
  } catch (error) {
    const failure = expectedFailure(error);
    const passwordProblem = failure.invalidFields.includes("password");
    // A token the API can't even parse is a broken link, like an expired one.
    const code = failure.code === "VALIDATION" && !passwordProblem ? "RESET_TOKEN_INVALID" : failure.code;
    return data({ code, passwordProblem }, { status: failure.status });
  }
  return redirect(`${localeHref(params.lang, "/account/sign-in")}?reset=done`, { headers });
}

export default function ResetPassword() {
  const { token, minPasswordLength } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { formError } = useFormFailure(failed);
  const linkBroken = !token || failed?.code === "RESET_TOKEN_INVALID";
  return (
    <section className="account-form" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("account.resetPasswordTitle")}</h1>
      {linkBroken ? (
        <>
          <p className="form-error" role="alert">
            {token ? t("errors.RESET_TOKEN_INVALID") : t("account.resetLinkMissing")}
          </p>
          <Link to={localePath("/account/forgot-password")}>{t("account.requestNewLink")}</Link>
        </>
      ) : (
        <Form method="post">
          <FormError message={formError} />
          <input type="hidden" name="token" value={token} />
          <NewPasswordField label={t("account.newPassword")} minLength={minPasswordLength} error={failed?.passwordProblem ? t("forms.invalid") : undefined} />
          <SubmitButton label={t("account.resetPasswordSubmit")} />
        </Form>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
