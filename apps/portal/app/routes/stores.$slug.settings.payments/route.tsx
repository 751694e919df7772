import { DEFAULT_LOCALE, resources } from "@primestore/i18n";
import { FormError, RouteError, type AppErrorCode } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { formatBps } from "../../lib/format.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useStoreLayout } from "../../lib/store.ts";
import { ProviderAccounts } from "./provider-accounts.tsx";
import { isConnectable, type ConnectableProvider } from "./payment-options.ts";
import { SettingsForm } from "./settings-form.tsx";
import { readSettingsForm, settingsProblems, toSettingsInput } from "./settings-form.server.ts";

const knownCodes = new Set(Object.keys(resources[DEFAULT_LOCALE].errors));

/** What the connect callback reported in the URL it sent the seller back to (see connect.$provider.$slug). */
function connectNotice(params: URLSearchParams) {
  const provider = params.get("provider");
  if (!isConnectable(provider)) return null;
  if (params.get("connected") === "1") return { ok: true as const, provider };
  const code = params.get("connectError");
  if (code && knownCodes.has(code)) return { ok: false as const, provider, code: code as AppErrorCode };
  if (params.has("connectCancelled")) return { ok: false as const, provider, code: null };
  return null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  const settings = await api.payments.settings().catch(throwForPage(request));
  return { settings, notice: connectNotice(new URL(request.url).searchParams) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const { api } = await serverApi(request, { store: params.slug });
  const failureOf = (error: unknown) => failureForAction(request, error);

  if (intent === "connect" || intent === "disconnect") {
    const provider = form.get("provider");
    invariantResponse(isConnectable(provider), "BAD_REQUEST", 400);
    try {
      if (intent === "connect") {
        // Off to the provider (OAuth or onboarding); it sends the seller back to /connect/<provider>/<store>.
        const { url } = await api.payments.connect({ provider });
        throw redirect(url);
      }
      await api.payments.disconnect({ provider });
      return { intent: "account" as const, ok: true as const, provider };
    } catch (error) {
      if (error instanceof Response) throw error;
      const failure = failureOf(error);
      return data({ intent: "account" as const, ok: false as const, provider, code: failure.code }, { status: failure.status });
    }
  }

  invariantResponse(intent === "save", "BAD_REQUEST", 400);
  const values = readSettingsForm(form);
  const fail = (code: AppErrorCode, problems: ReturnType<typeof settingsProblems>, status: number) =>
    data({ intent: "save" as const, ok: false as const, code, problems, values }, { status });
  try {
    // Laid over the current settings, so what the form doesn't show keeps its value.
    const current = await api.payments.settings();
    const converted = toSettingsInput(values, current);
    if (!converted.ok) return fail("VALIDATION", converted.problems, 400);
    await api.payments.updateSettings(converted.input);
    return { intent: "save" as const, ok: true as const };
  } catch (error) {
    const failure = failureOf(error);
    return fail(failure.code, settingsProblems(failure.invalidFields), failure.status);
  }
}

export default function PaymentSettingsPage() {
  const { settings, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { can } = useStoreLayout();
  const { t, i18n } = useTranslation();
  const providerName = (provider: ConnectableProvider) => t(`portal.providers.${provider}`);
  const saveResult = result?.intent === "save" ? result : null;
  const accountResult = result?.intent === "account" ? result : null;

  return (
    <>
      <h2 id="settings-title">{t("portal.paymentSettings.title")}</h2>
      {notice?.ok ? (
        <p role="status" className="success">
          {t("portal.paymentSettings.connected", { provider: providerName(notice.provider) })}
        </p>
      ) : null}
      {notice && !notice.ok ? (
        <FormError
          message={`${t("portal.paymentSettings.connectFailed", { provider: providerName(notice.provider) })}${notice.code ? ` ${t(notice.code === "CONFLICT" ? "portal.paymentSettings.accountTaken" : `errors.${notice.code}`)}` : ""}`}
        />
      ) : null}

      <section aria-labelledby="checkout-settings-title" className="panel">
        <h3 id="checkout-settings-title">{t("portal.paymentSettings.checkoutTitle")}</h3>
        {saveResult?.ok ? (
          <p role="status" className="success">
            {t("portal.paymentSettings.saved")}
          </p>
        ) : null}
        <SettingsForm settings={settings} failed={saveResult && !saveResult.ok ? saveResult : null} readOnly={!can["settings:write"]} />
      </section>

      <ProviderAccounts settings={settings} result={accountResult} canWrite={can["settings:write"]} />

      <section aria-labelledby="terms-title" className="panel">
        <h3 id="terms-title">{t("portal.paymentSettings.platformTerms")}</h3>
        <p className="muted">{t("portal.paymentSettings.platformTermsHint")}</p>
        <dl className="facts">
          <div>
            <dt>{t("portal.paymentSettings.commission")}</dt>
            <dd>{formatBps(settings.commissionBps, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t("portal.paymentSettings.holdDays")}</dt>
            <dd>{t("portal.paymentSettings.days", { count: settings.payoutHoldDays })}</dd>
          </div>
          <div>
            <dt>{t("portal.paymentSettings.refundCommission")}</dt>
            <dd>{t(`portal.paymentSettings.refundCommissionPolicies.${settings.refundCommission}`)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
