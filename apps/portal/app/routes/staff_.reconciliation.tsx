import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../lib/api-errors.server.ts";
import { serverApi } from "../lib/api.server.ts";
import { dayFormat } from "../lib/format.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { api } = await serverApi(request);
  // Staff without finance:read (support) get the translated 403 page.
  return { issues: await api.payments.reconciliationIssues().catch(throwForPage(request)) };
}

/** Open differences between our books and the providers', for platform staff to settle by hand. */
export default function Reconciliation() {
  const { issues } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // Without a currency (neither our payment's nor one the provider named) the amount is shown in
  // minor units. A payout the provider made in another currency shows its amount in that one.
  const amount = (value: bigint | null, currency: string | null) =>
    value === null ? "—" : currency ? formatMoney(value, currency, locale) : t("portal.reconciliation.minorUnits", { value: value.toString() });
  return (
    <section aria-labelledby="reconciliation-title">
      <p>
        <Link to="/staff">{t("portal.staffTitle")}</Link>
      </p>
      <h1 id="reconciliation-title">{t("portal.reconciliation.title")}</h1>
      <p>{t("portal.reconciliation.intro")}</p>
      {issues.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t("portal.reconciliation.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portal.reconciliation.store")}</th>
                <th scope="col">{t("portal.reconciliation.day")}</th>
                <th scope="col">{t("portal.orderDetail.provider")}</th>
                <th scope="col">{t("portal.reconciliation.kind")}</th>
                <th scope="col">{t("portal.payout.reference")}</th>
                <th scope="col" className="numeric">
                  {t("portal.reconciliation.expected")}
                </th>
                <th scope="col" className="numeric">
                  {t("portal.reconciliation.actual")}
                </th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.id}>
                  <th scope="row">
                    {issue.tenant.name} <span className="muted">({issue.tenant.slug})</span>
                  </th>
                  <td>{formatDate(issue.day, locale, dayFormat)}</td>
                  <td>{t(`portal.providers.${issue.provider}`, { defaultValue: issue.provider })}</td>
                  <td>
                    {t(`portal.reconciliation.kinds.${issue.kind}`, { defaultValue: issue.kind })}
                    <IssueDetails kind={issue.kind} details={issue.details} />
                  </td>
                  <td>
                    <code>{issue.reference}</code>
                  </td>
                  <td className="numeric">{amount(issue.expected, issue.currency)}</td>
                  <td className="numeric">{amount(issue.actual, issue.details.providerCurrency ?? issue.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("portal.reconciliation.none")}</p>
      )}
    </section>
  );
}

/**
 * What reconciliation noted with a difference: the postings that disagree, the payment of ours a
 * provider's payment names, the provider's error, a payout's status on both sides. The currency is
 * left out: the amounts show it.
 */
function IssueDetails({ kind, details }: { kind: string; details: Record<string, string> }) {
  const { t } = useTranslation();
  const noted = Object.entries(details).filter(([name]) => name !== "currency");
  if (!noted.length) return null;
  const shown = (name: string, value: string) => {
    if (name === "posting") return value.split(", ").map((posting) => t(`portal.ledgerKinds.${posting}`, { defaultValue: posting })).join(", ");
    if (kind.startsWith("payout_") && (name === "ours" || name === "provider")) return t(`portal.payoutStatus.${value}`, { defaultValue: value });
    return name === "status" ? t(`common.paymentStatus.${value}`, { defaultValue: value }) : value;
  };
  return (
    <dl className="issue-details">
      {noted.map(([name, value]) => (
        <div key={name}>
          <dt>{t(`portal.reconciliation.details.${name}`, { defaultValue: name })}:</dt>
          <dd>{shown(name, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
