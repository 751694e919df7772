import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { qrDataUrl } from "@primestore/ui/qr-code";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";
import { requireUser } from "../lib/auth.server.ts";
import { invariantResponse } from "../lib/http.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { enabled: user.twoFactorEnabled };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");
  const { api } = await serverApi(request);
  try {
    if (intent === "begin") {
      const { secret, uri } = await api.auth.beginTwoFactor();
      return { step: "scan" as const, secret, uri, qr: await qrDataUrl(uri) };
    }
    if (intent === "confirm") return { step: "enabled" as const, ...(await api.auth.confirmTwoFactor({ code: String(form.get("code") ?? "") })) };
    invariantResponse(intent === "disable", "BAD_REQUEST", 400);
    await api.auth.disableTwoFactor({ password: String(form.get("password") ?? ""), code: String(form.get("code") ?? "") });
    return { step: "disabled" as const };
  } catch (error) {
    const failure = failureForAction(request, error);
    // A wrong confirmation code keeps the scan step on screen with the same secret, its QR drawn again.
    const uri = String(form.get("uri") ?? "");
    const rescan = intent === "confirm" && uri.startsWith("otpauth://") ? { secret: String(form.get("secret") ?? ""), uri, qr: await qrDataUrl(uri) } : null;
    return data({ step: "failed" as const, code: failure.code, rescan }, { status: failure.status });
  }
}

export default function SecurityPage() {
  const { enabled } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const scanning = result?.step === "scan" ? result : result?.step === "failed" ? result.rescan : null;
  return (
    <section className="narrow" aria-labelledby="security-title">
      <h1 id="security-title">{t("portal.security.title")}</h1>
      <FormError message={result?.step === "failed" ? t(`errors.${result.code}`) : null} />
      {result?.step === "disabled" ? (
        <p role="status" className="success">
          {t("portal.security.disabled")}
        </p>
      ) : null}
      {result?.step === "enabled" ? (
        <>
          <p role="status" className="success">
            {t("portal.security.enabled")}
          </p>
          <h2>{t("portal.security.recoveryTitle")}</h2>
          <p>{t("portal.security.recoveryHint")}</p>
          <ul className="recovery-codes">
            {result.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{enabled ? t("portal.security.on") : t("portal.security.off")}</p>
      )}
      {!enabled && scanning ? (
        <Form method="post">
          <p>{t("portal.security.scan")}</p>
          <img src={scanning.qr} alt={t("portal.security.qrAlt")} width={200} height={200} />
          <p>
            {t("portal.security.key")}: <code className="totp-key">{scanning.secret}</code>
          </p>
          <input type="hidden" name="secret" value={scanning.secret} />
          <input type="hidden" name="uri" value={scanning.uri} />
          <Field name="code" label={t("portal.security.code")} autoComplete="one-time-code" inputMode="numeric" required maxLength={6} />
          <SubmitButton name="intent" value="confirm" label={t("portal.security.confirm")} />
        </Form>
      ) : null}
      {!enabled && !scanning && result?.step !== "enabled" ? (
        <Form method="post">
          <SubmitButton name="intent" value="begin" label={t("portal.security.turnOn")} />
        </Form>
      ) : null}
      {enabled && result?.step !== "enabled" ? (
        <Form method="post">
          <h2>{t("portal.security.turnOff")}</h2>
          <p className="muted">{t("portal.security.turnOffHint")}</p>
          <Field name="password" type="password" label={t("portal.security.password")} autoComplete="current-password" required />
          <Field name="code" label={t("portal.security.code")} autoComplete="one-time-code" required maxLength={20} />
          <SubmitButton name="intent" value="disable" className="button-secondary" label={t("portal.security.turnOff")} />
        </Form>
      ) : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
