import { Field, FormError, SelectField, SubmitButton, type AppErrorCode } from "@primestore/ui";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bpsToPercentInput } from "../../lib/format.ts";
import {
  LIMITS,
  METHOD_PROVIDERS,
  METHODS,
  PAYOUT_SCHEDULES,
  type Method,
  type PaymentSettings,
  type SettingsField,
  type SettingsProblems,
  type SettingsValues,
} from "./payment-options.ts";

interface SettingsFormProps {
  settings: PaymentSettings;
  failed: { code: AppErrorCode; problems: SettingsProblems; values: SettingsValues } | null;
  readOnly: boolean;
}

const installmentCounts = Array.from({ length: LIMITS.installments.max }, (_, index) => String(index + 1));

/** The store's checkout terms and payout schedule, saved as one; works without JavaScript. */
export function SettingsForm({ settings, failed, readOnly }: SettingsFormProps) {
  const { t, i18n } = useTranslation();
  const { checkout } = settings;
  const values: SettingsValues = failed?.values ?? {
    methods: checkout.paymentMethods,
    providers: checkout.providers,
    maxInstallments: String(checkout.installments.max),
    interestFree: String(checkout.installments.interestFree),
    monthlyInterest: bpsToPercentInput(checkout.installments.monthlyInterestBps, i18n.language),
    pixExpiryMinutes: String(checkout.pixExpiryMinutes),
    boletoDueDays: String(checkout.boletoDueDays),
    payoutSchedule: settings.payoutSchedule,
  };
  const problem = (field: SettingsField) => (failed?.problems[field] ? t(`forms.${failed.problems[field]}`) : undefined);
  const methodsError = failed?.problems.methods ? t("portal.paymentSettings.methodsRequired") : undefined;
  const active = new Set(settings.accounts.filter((account) => account.status === "active").map((account) => account.provider));
  const methodName = (method: Method) => t(`portal.paymentMethods.${method}`);
  // This platform's providers for the method, and the one saved even if the platform dropped it (so saving never switches silently).
  const providerOptions = (method: Method) =>
    METHOD_PROVIDERS[method]
      .filter((provider) => settings.configuredProviders.includes(provider) || provider === checkout.providers[method])
      .map((provider) => ({
        value: provider,
        label:
          provider === "test"
            ? t("portal.providers.test")
            : t(active.has(provider) ? "portal.paymentSettings.providerConnected" : "portal.paymentSettings.providerNotConnected", {
                provider: t(`portal.providers.${provider}`),
              }),
      }));
  const counts = installmentCounts.map((value) => ({ value, label: value }));

  return (
    // Saved settings come back as new defaults: a new key puts them in the form. Posted to the
    // page without its query, so a connection notice doesn't outlive the next save.
    <Form method="post" action="." key={`${JSON.stringify(checkout)}:${settings.payoutSchedule}`} className="settings-form">
      <FormError message={failed ? t(`errors.${failed.code}`) : null} />
      <input type="hidden" name="intent" value="save" />

      <fieldset aria-describedby={methodsError ? "methods-hint methods-error" : "methods-hint"}>
        <legend>{t("portal.paymentSettings.methods")}</legend>
        <p id="methods-hint" className="field-hint">
          {t("portal.paymentSettings.methodsHint")}
        </p>
        {METHODS.map((method) => (
          <div key={method} className="method-row">
            <div className="checkbox">
              <input
                type="checkbox"
                id={`method-${method}`}
                name="methods"
                value={method}
                defaultChecked={values.methods.includes(method)}
                disabled={readOnly}
              />
              <label htmlFor={`method-${method}`}>{t("portal.paymentSettings.offer", { method: methodName(method) })}</label>
            </div>
            <SelectField
              name={`provider.${method}`}
              label={t("portal.paymentSettings.providerFor", { method: methodName(method) })}
              options={providerOptions(method)}
              defaultValue={values.providers[method]}
              error={problem(`provider.${method}`)}
              disabled={readOnly}
            />
          </div>
        ))}
        {methodsError ? (
          <p id="methods-error" className="field-error">
            {methodsError}
          </p>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t("portal.paymentSettings.installments")}</legend>
        {/* Mercado Pago prices installments itself: only the maximum below applies to its cards. */}
        {values.providers.card === "mercadopago" ? <p className="field-hint">{t("portal.paymentSettings.mercadoPagoInstallments")}</p> : null}
        <SelectField
          name="maxInstallments"
          label={t("portal.paymentSettings.maxInstallments")}
          options={counts}
          defaultValue={values.maxInstallments}
          error={problem("maxInstallments")}
          disabled={readOnly}
        />
        <SelectField
          name="interestFree"
          label={t("portal.paymentSettings.interestFree")}
          hint={t("portal.paymentSettings.interestFreeHint")}
          options={counts}
          defaultValue={values.interestFree}
          error={problem("interestFree")}
          disabled={readOnly}
        />
        <Field
          name="monthlyInterest"
          label={t("portal.paymentSettings.monthlyInterest")}
          hint={t("portal.paymentSettings.monthlyInterestHint", { example: bpsToPercentInput(199, i18n.language) })}
          inputMode="decimal"
          autoComplete="off"
          required
          defaultValue={values.monthlyInterest}
          error={problem("monthlyInterest")}
          disabled={readOnly}
        />
      </fieldset>

      <fieldset>
        <legend>{t("portal.paymentSettings.deadlines")}</legend>
        <Field
          name="pixExpiryMinutes"
          type="number"
          label={t("portal.paymentSettings.pixExpiry")}
          hint={t("portal.paymentSettings.pixExpiryHint", LIMITS.pixExpiryMinutes)}
          min={LIMITS.pixExpiryMinutes.min}
          max={LIMITS.pixExpiryMinutes.max}
          required
          defaultValue={values.pixExpiryMinutes}
          error={problem("pixExpiryMinutes")}
          disabled={readOnly}
        />
        <Field
          name="boletoDueDays"
          type="number"
          label={t("portal.paymentSettings.boletoDueDays")}
          hint={t("portal.paymentSettings.boletoDueDaysHint", LIMITS.boletoDueDays)}
          min={LIMITS.boletoDueDays.min}
          max={LIMITS.boletoDueDays.max}
          required
          defaultValue={values.boletoDueDays}
          error={problem("boletoDueDays")}
          disabled={readOnly}
        />
      </fieldset>

      <SelectField
        name="payoutSchedule"
        label={t("portal.paymentSettings.payoutSchedule")}
        options={PAYOUT_SCHEDULES.map((schedule) => ({ value: schedule, label: t(`portal.payoutSchedules.${schedule}`) }))}
        defaultValue={values.payoutSchedule}
        error={problem("payoutSchedule")}
        disabled={readOnly}
      />
      {readOnly ? <p className="muted">{t("portal.paymentSettings.readOnly")}</p> : <SubmitButton label={t("common.save")} />}
    </Form>
  );
}
