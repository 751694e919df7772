import { MIN_PASSWORD_LENGTH } from "@primestore/api";
import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";

export function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "", minPasswordLength: MIN_PASSWORD_LENGTH };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api } = await serverApi(request);
  try {
    const { email } = await api.auth.resetPassword({ token: String(form.get("token") ?? ""), password: String(form.get("password") ?? "") });
    return redirect(`/login?${new URLSearchParams({ reset: "1", email })}`);
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ code: failure.code, invalid: failure.invalidFields }, { status: failure.status });
  }
}

export default function ResetPassword() {
  const { token, minPasswordLength } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t("account.resetPasswordTitle")}</h1>
      {token ? (
        <Form method="post">
          <FormError message={failed ? t(`errors.${failed.code}`) : null} />
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            type="password"
            label={t("account.newPassword")}
            hint={t("account.passwordHint", { min: minPasswordLength })}
            autoComplete="new-password"
            required
            minLength={minPasswordLength}
            error={failed?.invalid.includes("password") ? t("forms.invalid") : undefined}
          />
          <SubmitButton label={t("account.resetPasswordSubmit")} />
        </Form>
      ) : (
        <p>{t("account.resetLinkMissing")}</p>
      )}
      {failed?.code === "RESET_TOKEN_INVALID" || !token ? (
        <p>
          <Link to="/forgot-password">{t("account.requestNewLink")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
