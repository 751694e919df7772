import { apiFailure } from "@primestore/api/remix";
import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { serverApi } from "../lib/api.server.ts";
import { safeRedirect } from "../lib/http.server.ts";

/** Signing in, second step: only for a browser whose password passed and whose session waits for a code. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await serverApi(request);
  if (!(await api.auth.twoFactorPending())) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api, headers } = await serverApi(request);
  try {
    await api.auth.verifyTwoFactor({ code: String(form.get("code") ?? "") });
  } catch (error) {
    const failure = apiFailure(error);
    // Too many wrong codes, or too slow: the session ended, start again with the password.
    if (failure?.code === "UNAUTHORIZED") throw redirect("/login");
    if (!failure || failure.code === "INTERNAL") throw error;
    return data({ code: failure.code }, { status: failure.status });
  }
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}

export default function TwoFactorSignIn() {
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  return (
    <section className="narrow" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">{t("portal.twoFactor.title")}</h1>
      <p>{t("portal.twoFactor.intro")}</p>
      <Form method="post">
        <FormError message={failed ? t(`errors.${failed.code}`) : null} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          name="code"
          label={t("portal.twoFactor.code")}
          hint={t("portal.twoFactor.codeHint")}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={20}
          autoFocus
        />
        <SubmitButton label={t("portal.twoFactor.submit")} />
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
