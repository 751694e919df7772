import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { DEFAULT_LOCALE, isLocale } from "@primestore/i18n";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const locale = form.get("locale");
  const { api } = await serverApi(request);
  try {
    await api.auth.requestPasswordReset({ email, locale: isLocale(locale) ? locale : DEFAULT_LOCALE });
    return { ok: true as const, email };
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ ok: false as const, email, code: failure.code }, { status: failure.status });
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  return (
    <section className="narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("account.forgotPasswordTitle")}</h1>
      {result?.ok ? (
        <p role="status" className="success">
          {t("portal.resetLinkSent", { email: result.email })}
        </p>
      ) : (
        <Form method="post">
          <p>{t("account.forgotPasswordIntro")}</p>
          <FormError message={result && !result.ok ? t(`errors.${result.code}`) : null} />
          <input type="hidden" name="locale" value={i18n.language} />
          <Field name="email" type="email" label={t("common.email")} autoComplete="username" required defaultValue={result?.email} />
          <SubmitButton label={t("account.forgotPasswordSubmit")} />
        </Form>
      )}
      <p>
        <Link to="/login">{t("account.signInLink")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
