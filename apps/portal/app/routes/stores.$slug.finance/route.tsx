import { formatDate, formatMoney } from "@primestore/i18n";
import { FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { dateTimeFormat, dayFormat } from "../../lib/format.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useStoreLayout } from "../../lib/store.ts";
import { BalanceChart } from "./balance-chart.tsx";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  const finance = await api.payments.finance().catch(throwForPage(request));
  // Minted as the page renders: a double click on "pay out now" makes one payout.
  const payoutKeys: Record<string, string> = Object.fromEntries(finance.balances.map((balance) => [balance.currency, crypto.randomUUID()]));
  return { finance, payoutKeys };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const currency = String(form.get("currency") ?? "");
  const idempotencyKey = String(form.get("idempotencyKey") ?? "");
  invariantResponse(/^[A-Z]{3}$/.test(currency) && idempotencyKey.length >= 16 && idempotencyKey.length <= 100, "BAD_REQUEST", 400);
  const { api } = await serverApi(request, { store: params.slug });
  try {
    const payout = await api.payments.requestPayout({ currency, idempotencyKey });
    return { ok: true as const, currency, amount: payout.amount };
  } catch (error) {
    // Opening a payout is one transaction: an unexpected failure left nothing behind.
    const failure = failureForAction(request, error);
    return data({ ok: false as const, currency, code: failure.code }, { status: failure.status });
  }
}

export default function Finance() {
  const { finance, payoutKeys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { store, can } = useStoreLayout();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (amount: bigint, currency: string) => formatMoney(amount, currency, locale);
  const payable = finance.balances.filter((balance) => balance.payable > 0n);
  const negative = finance.byProvider.filter((line) => line.available < 0n);
  // "Nothing to pay out" is a conflict: say so rather than the generic "already exists".
  const payoutError = result && !result.ok ? t(result.code === "CONFLICT" ? "portal.finance.nothingToPayOut" : `errors.${result.code}`, { currency: result.currency }) : null;

  return (
    <>
      <h2>{t("portal.finance.title")}</h2>
      <p>
        {t("portal.finance.scheduleSummary", { schedule: t(`portal.payoutSchedules.${finance.schedule}`) })}{" "}
        {t("portal.finance.holdSummary", { count: finance.holdDays })}{" "}
        <Link to={`/stores/${store.slug}/settings/payments`}>{t("portal.finance.changeSchedule")}</Link>
      </p>

      <section aria-labelledby="balances-title">
        <h3 id="balances-title">{t("portal.finance.balances")}</h3>
        {finance.balances.length ? (
          <>
            <BalanceChart balances={finance.balances} tableId="balances-table" />
            <div className="table-scroll">
              <table id="balances-table">
                <caption>{t("portal.finance.balancesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("common.currency")}</th>
                    <th scope="col" className="numeric">
                      {t("portal.finance.pending")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("portal.finance.available")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("portal.finance.total")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {finance.balances.map((balance) => (
                    <tr key={balance.currency}>
                      <th scope="row">{balance.currency}</th>
                      <td className="numeric">{money(balance.pending, balance.currency)}</td>
                      <td className={balance.available < 0n ? "numeric negative" : "numeric"}>{money(balance.available, balance.currency)}</td>
                      <td className="numeric">{money(balance.pending + balance.available, balance.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {negative.length ? (
              <ul className="muted negative-balances">
                {negative.map((line) => (
                  <li key={`${line.currency}:${line.provider ?? "none"}`}>
                    <NegativeBalance line={line} amount={money(line.available, line.currency)} />
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{t("portal.finance.noBalances")}</p>
        )}
      </section>

      {finance.releases.length ? (
        <section aria-labelledby="releases-title">
          <h3 id="releases-title">{t("portal.finance.releases")}</h3>
          <p>{t("portal.finance.releasesIntro")}</p>
          <div className="table-scroll">
            <table>
              <caption>{t("portal.finance.releasesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("portal.finance.releaseDay")}</th>
                  <th scope="col">{t("portal.orderDetail.provider")}</th>
                  <th scope="col" className="numeric">
                    {t("portal.finance.amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {finance.releases.map((release) => (
                  <tr key={`${release.day?.toISOString() ?? "unreported"}:${release.provider}:${release.currency}`}>
                    <th scope="row">{release.day ? formatDate(release.day, locale, dayFormat) : t("portal.finance.releaseNotReported")}</th>
                    <td>{t(`portal.providers.${release.provider}`)}</td>
                    <td className="numeric">{money(release.amount, release.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {can["payouts:write"] && (payable.length || result) ? (
        <section aria-labelledby="payout-now-title" className="panel">
          <h3 id="payout-now-title">{t("portal.finance.payOutNowTitle")}</h3>
          {result?.ok ? (
            <p role="status" className="success">
              {t("portal.finance.payoutRequested", { amount: money(result.amount, result.currency) })}
            </p>
          ) : null}
          <FormError message={payoutError} />
          {payable.length ? (
            <div className="form-actions">
              {payable.map((balance) => (
                <Form method="post" key={balance.currency}>
                  <input type="hidden" name="currency" value={balance.currency} />
                  <input type="hidden" name="idempotencyKey" value={payoutKeys[balance.currency] ?? ""} />
                  <SubmitButton label={t("portal.finance.payOutNow", { amount: money(balance.payable, balance.currency) })} />
                </Form>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="payouts-title">
        <h3 id="payouts-title">{t("portal.finance.payouts")}</h3>
        {finance.payouts.length ? (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("portal.finance.period")}</th>
                  <th scope="col" className="numeric">
                    {t("portal.finance.amount")}
                  </th>
                  <th scope="col">{t("portal.status")}</th>
                  <th scope="col">{t("portal.orderDetail.provider")}</th>
                  <th scope="col">{t("portal.finance.paidAt")}</th>
                </tr>
              </thead>
              <tbody>
                {finance.payouts.map((payout) => (
                  <tr key={payout.id}>
                    <th scope="row">
                      <Link to={`payouts/${payout.id}`}>
                        {t("portal.finance.periodRange", { start: formatDate(payout.periodStart, locale, dayFormat), end: formatDate(payout.periodEnd, locale, dayFormat) })}
                      </Link>
                    </th>
                    <td className="numeric">{money(payout.amount, payout.currency)}</td>
                    <td>
                      {t(`portal.payoutStatus.${payout.status}`, { defaultValue: payout.status })}
                      {payout.failureReason ? <span className="muted"> ({payout.failureReason})</span> : null}
                    </td>
                    <td>{t(`portal.providers.${payout.provider}`, { defaultValue: payout.provider })}</td>
                    <td>{payout.paidAt ? formatDate(payout.paidAt, locale, dateTimeFormat) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("portal.finance.noPayouts")}</p>
        )}
      </section>
    </>
  );
}

type ProviderLine = ReturnType<typeof useLoaderData<typeof loader>>["finance"]["byProvider"][number];

/**
 * Why one provider's available money is negative. A provider that releases money itself (Mercado
 * Pago) already took the refund from the seller's account there; elsewhere it is owed back to us.
 */
function NegativeBalance({ line, amount }: { line: ProviderLine; amount: string }) {
  const { t } = useTranslation();
  if (!line.provider) return <>{t("portal.finance.negativeHint", { amount })}</>;
  const provider = t(`portal.providers.${line.provider}`);
  return <>{t(line.releasesMoney ? "portal.finance.negativeAtReleasingProvider" : "portal.finance.negativeAtProvider", { amount, provider })}</>;
}

export function ErrorBoundary() {
  return <RouteError />;
}
