import { formatDate } from "@primestore/i18n";
import { FormError, SubmitButton, type AppErrorCode } from "@primestore/ui";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { dateTimeFormat } from "../../lib/format.ts";
import { CONNECTABLE_PROVIDERS, type ConnectableProvider, type PaymentSettings } from "./payment-options.ts";

interface ProviderAccountsProps {
  settings: PaymentSettings;
  result: { ok: true; provider: ConnectableProvider } | { ok: false; provider: ConnectableProvider; code: AppErrorCode } | null;
  canWrite: boolean;
}

/** The store's own accounts at the providers this platform is configured for: connect, reconnect, disconnect. */
export function ProviderAccounts({ settings, result, canWrite }: ProviderAccountsProps) {
  const { t, i18n } = useTranslation();
  const connectable = CONNECTABLE_PROVIDERS.filter((provider) => settings.configuredProviders.includes(provider));
  const name = (provider: ConnectableProvider) => t(`portal.providers.${provider}`);
  return (
    <section aria-labelledby="accounts-title" className="panel">
      <h3 id="accounts-title">{t("portal.paymentSettings.accountsTitle")}</h3>
      {result?.ok ? (
        <p role="status" className="success">
          {t("portal.paymentSettings.disconnected", { provider: name(result.provider) })}
        </p>
      ) : null}
      <FormError message={result && !result.ok ? t(`errors.${result.code}`) : null} />
      <p className="muted">{t("portal.paymentSettings.testProviderNote")}</p>
      {connectable.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("portal.orderDetail.provider")}</th>
                <th scope="col">{t("portal.status")}</th>
                <th scope="col">{t("portal.paymentSettings.account")}</th>
                {canWrite ? <th scope="col">{t("portal.paymentSettings.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {connectable.map((provider) => {
                const account = settings.accounts.find((candidate) => candidate.provider === provider);
                const status = account?.status ?? "none";
                return (
                  <tr key={provider}>
                    <th scope="row">{name(provider)}</th>
                    <td>{t(`portal.paymentSettings.accountStatus.${status}`)}</td>
                    <td>
                      {account ? (
                        <>
                          <code>{account.accountId}</code>
                          <br />
                          <span className="muted">{t("portal.paymentSettings.updatedAt", { date: formatDate(account.updatedAt, i18n.language, dateTimeFormat) })}</span>
                        </>
                      ) : (
                        "—"
                      )}
                    </td>
                    {canWrite ? (
                      <td>
                        <div className="form-actions">
                          <Form method="post" action=".">
                            <input type="hidden" name="provider" value={provider} />
                            <SubmitButton
                              name="intent"
                              value="connect"
                              label={t(status === "active" ? "portal.paymentSettings.reconnect" : "portal.paymentSettings.connect", { provider: name(provider) })}
                            />
                          </Form>
                          {status === "active" || status === "pending" ? (
                            <Form method="post" action=".">
                              <input type="hidden" name="provider" value={provider} />
                              <SubmitButton
                                name="intent"
                                value="disconnect"
                                className="button-secondary"
                                label={t("portal.paymentSettings.disconnect", { provider: name(provider) })}
                              />
                            </Form>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("portal.paymentSettings.noConnectableProviders")}</p>
      )}
    </section>
  );
}
