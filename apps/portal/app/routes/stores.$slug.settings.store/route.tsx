import { STORE_CURRENCIES } from "@primestore/api";
import { SUPPORTED_LOCALES } from "@primestore/i18n";
import { Field, FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { useStoreLayout } from "../../lib/store.ts";
import { readStoreForm } from "./store-form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  // The currencies on offer come from the server, where the rule lives.
  return { settings: await api.settings.store().catch(throwForPage(request)), currencies: STORE_CURRENCIES };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = readStoreForm(await request.formData());
  const { api } = await serverApi(request, { store: params.slug });
  try {
    // As typed: the API checks each field against its list and names those it refuses.
    await api.settings.updateStore(values as Parameters<typeof api.settings.updateStore>[0]);
    return { ok: true as const };
  } catch (error) {
    const failure = failureForAction(request, error);
    return data({ ok: false as const, code: failure.code, invalid: failure.invalidFields, values }, { status: failure.status });
  }
}

export default function StoreSettingsPage() {
  const { settings, currencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { can } = useStoreLayout();
  const { t } = useTranslation();
  const failed = result && !result.ok ? result : null;
  const values = failed?.values ?? settings;
  const invalid = (field: string) => (failed?.invalid.some((path) => path === field || path.startsWith(`${field}.`)) ? t("forms.invalid") : undefined);
  const readOnly = !can["settings:write"];
  return (
    <>
      <h2 id="store-settings-title">{t("portal.storeSettings.title")}</h2>
      {result?.ok ? (
        <p role="status" className="success">
          {t("portal.storeSettings.saved")}
        </p>
      ) : null}
      <FormError message={failed ? t(`errors.${failed.code}`) : null} />
      {readOnly ? <p className="muted">{t("portal.storeSettings.readOnly")}</p> : null}
      <Form method="post" className="settings-form panel" aria-labelledby="store-settings-title">
        <fieldset disabled={readOnly}>
          <Field name="name" label={t("portal.storeSettings.name")} defaultValue={values.name} required maxLength={80} error={invalid("name")} />
          <Field name="logoUrl" type="url" label={t("portal.storeSettings.logoUrl")} defaultValue={values.branding.logoUrl ?? ""} error={invalid("branding.logoUrl")} />
          <Field name="primaryColor" type="color" label={t("portal.storeSettings.primaryColor")} defaultValue={values.branding.primaryColor ?? "#0b5d52"} error={invalid("branding.primaryColor")} />
          <Field name="accentColor" type="color" label={t("portal.storeSettings.accentColor")} defaultValue={values.branding.accentColor ?? "#c2410c"} error={invalid("branding.accentColor")} />
          <fieldset aria-invalid={invalid("locales") ? true : undefined}>
            <legend>{t("portal.storeSettings.languages")}</legend>
            {SUPPORTED_LOCALES.map((locale) => (
              <label key={locale} className="checkbox">
                <input type="checkbox" name="locales" value={locale} defaultChecked={values.locales.includes(locale)} />
                {t(`common.languageNames.${locale}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="default-locale">{t("portal.storeSettings.defaultLanguage")}</label>
            <select id="default-locale" name="defaultLocale" defaultValue={values.defaultLocale} aria-invalid={invalid("defaultLocale") ? true : undefined}>
              {SUPPORTED_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`common.languageNames.${locale}`)}
                </option>
              ))}
            </select>
            {invalid("defaultLocale") ? <p className="field-error">{invalid("defaultLocale")}</p> : null}
          </div>
          <fieldset aria-invalid={invalid("currencies") ? true : undefined}>
            <legend>{t("portal.storeSettings.currencies")}</legend>
            <p className="muted">{t("portal.storeSettings.currenciesHint")}</p>
            {currencies.map((currency) => (
              <label key={currency} className="checkbox">
                <input type="checkbox" name="currencies" value={currency} defaultChecked={values.currencies.includes(currency)} />
                {currency}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="default-currency">{t("portal.storeSettings.defaultCurrency")}</label>
            <select id="default-currency" name="defaultCurrency" defaultValue={values.defaultCurrency} aria-invalid={invalid("defaultCurrency") ? true : undefined}>
              {currencies.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
            {invalid("defaultCurrency") ? <p className="field-error">{invalid("defaultCurrency")}</p> : null}
          </div>
          {readOnly ? null : <SubmitButton label={t("portal.storeSettings.save")} />}
        </fieldset>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
