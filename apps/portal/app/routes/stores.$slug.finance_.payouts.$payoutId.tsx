import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";
import { dateTimeFormat, dayFormat } from "../lib/format.ts";
import { invariantResponse } from "../lib/http.server.ts";
import { useStoreLayout } from "../lib/store.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  invariantResponse(params.payoutId && UUID.test(params.payoutId), "NOT_FOUND", 404);
  const { api } = await serverApi(request, { store: params.slug });
  const statement = await api.payments.payoutStatement({ payoutId: params.payoutId }).catch(throwForPage(request));
  // The balance after each movement, so every line of the statement can be checked by hand.
  let balance = statement.openingBalance;
  const lines = statement.lines.map((line) => ({ ...line, balance: (balance += line.amount) }));
  return { payout: statement.payout, openingBalance: statement.openingBalance, lines, closingBalance: balance };
}

/** One payout's statement: the balance its period opened with, every movement, and where it closed. */
export default function PayoutStatement() {
  const { payout, openingBalance, lines, closingBalance } = useLoaderData<typeof loader>();
  const { store } = useStoreLayout();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (amount: bigint) => formatMoney(amount, payout.currency, locale);
  const signed = (amount: bigint) => `${amount > 0n ? "+" : ""}${money(amount)}`;
  const facts: Array<[string, string]> = [
    [t("portal.finance.period"), t("portal.finance.periodRange", { start: formatDate(payout.periodStart, locale, dayFormat), end: formatDate(payout.periodEnd, locale, dayFormat) })],
    [t("portal.finance.amount"), money(payout.amount)],
    [t("portal.status"), t(`portal.payoutStatus.${payout.status}`, { defaultValue: payout.status })],
    [t("portal.orderDetail.provider"), t(`portal.providers.${payout.provider}`, { defaultValue: payout.provider })],
    [t("portal.payout.requestedAt"), formatDate(payout.createdAt, locale, dateTimeFormat)],
    [t("portal.finance.paidAt"), payout.paidAt ? formatDate(payout.paidAt, locale, dateTimeFormat) : "—"],
    ...(payout.failureReason ? [[t("portal.payout.failureReason"), payout.failureReason] as [string, string]] : []),
  ];

  return (
    <article aria-labelledby="statement-title">
      <p>
        <Link to={`/stores/${store.slug}/finance`}>{t("portal.payout.backToFinance")}</Link>
      </p>
      <h2 id="statement-title">{t("portal.payout.title", { currency: payout.currency })}</h2>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <div className="table-scroll">
        <table>
          <caption>{t("portal.payout.movements")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("portal.payout.date")}</th>
              <th scope="col">{t("portal.payout.kind")}</th>
              <th scope="col">{t("portal.payout.reference")}</th>
              <th scope="col" className="numeric">
                {t("portal.finance.amount")}
              </th>
              <th scope="col" className="numeric">
                {t("portal.payout.balance")}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" colSpan={4}>
                {t("portal.payout.openingBalance")}
              </th>
              <td className="numeric">{money(openingBalance)}</td>
            </tr>
            {lines.length ? (
              lines.map((line) => (
                <tr key={line.entryId}>
                  <td>{formatDate(line.createdAt, locale, dateTimeFormat)}</td>
                  <td>{t(`portal.ledgerKinds.${line.kind}`, { defaultValue: line.kind })}</td>
                  <td>
                    <code>{line.reference}</code>
                    {line.description ? <span className="muted"> {line.description}</span> : null}
                  </td>
                  <td className={line.amount < 0n ? "numeric negative" : "numeric"}>{signed(line.amount)}</td>
                  <td className="numeric">{money(line.balance)}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={5}>{t("portal.payout.noLines")}</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t("portal.payout.closingBalance")}
              </th>
              <td className="numeric">
                <strong>{money(closingBalance)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t("portal.payout.closingHint")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
