import { apiFailure } from "@primestore/api/remix";
import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { serverApi } from "../lib/api.server.ts";
import { safeRedirect } from "../lib/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await serverApi(request);
  if (await api.auth.me()) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const { api, headers } = await serverApi(request);
  let twoFactor: boolean;
  try {
    ({ twoFactor } = await api.auth.signIn({ email, password }));
  } catch (error) {
    const failure = apiFailure(error);
    if (!failure || failure.code === "INTERNAL") throw error;
    const invalid = new Set(failure.invalidFields);
    return data(
      {
        code: failure.code,
        email,
        problems: {
          email: invalid.has("email") ? (email ? "invalid" : "required") : undefined,
          password: invalid.has("password") ? "required" : undefined,
        },
      },
      { status: failure.status },
    );
  }
  // The procedure put the session cookie on `headers`; with two-factor sign-in on, it waits for a code.
  const redirectTo = safeRedirect(form.get("redirectTo"));
  return redirect(twoFactor ? `/login/two-factor?${new URLSearchParams({ redirectTo })}` : redirectTo, { headers });
}

export default function Login() {
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  return (
    <section className="narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t("portal.signInTitle")}</h1>
      {searchParams.get("reset") === "1" ? (
        <p role="status" className="success">
          {t("account.resetDone")}
        </p>
      ) : null}
      <Form method="post">
        <FormError message={result ? t(`errors.${result.code}`) : null} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field
          name="email"
          type="email"
          label={t("common.email")}
          autoComplete="username"
          required
          defaultValue={result?.email ?? searchParams.get("email") ?? undefined}
          error={result?.problems.email ? t(`forms.${result.problems.email}`) : undefined}
        />
        <Field
          name="password"
          type="password"
          label={t("common.password")}
          autoComplete="current-password"
          required
          error={result?.problems.password ? t(`forms.${result.problems.password}`) : undefined}
        />
        <SubmitButton label={t("common.signIn")} />
      </Form>
      <p>
        <Link to="/forgot-password">{t("account.forgotPasswordLink")}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
