import type { AppRouter } from "@primestore/api";
import { formatDate, formatMoney } from "@primestore/i18n";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslation } from "react-i18next";

export type OrderDetailView = inferRouterOutputs<AppRouter>["account"]["getOrder"];

const dateTime: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };

/** One order as its shopper sees it: what they bought, where it goes, how it was paid, where it is now. */
export function OrderDetail({ order, locale }: { order: OrderDetailView; locale: string }) {
  const { t } = useTranslation();
  const money = (amount: bigint | number) => formatMoney(amount, order.currency, locale);
  const address = order.shippingAddress;
  const totals: Array<[string, bigint]> = [
    [t("account.subtotal"), order.subtotal],
    ...(order.shippingTotal ? [[order.shippingMethod ? `${t("account.shipping")} (${order.shippingMethod})` : t("account.shipping"), order.shippingTotal] as [string, bigint]] : []),
    ...(order.discountTotal ? [[t("account.discount"), -order.discountTotal] as [string, bigint]] : []),
    ...(order.taxTotal ? [[t("account.tax"), order.taxTotal] as [string, bigint]] : []),
  ];
  return (
    <article className="order-detail" aria-labelledby="order-title">
      <h1 id="order-title">{t("account.orderTitle", { number: order.number })}</h1>
      <p>
        {t("account.placedAt", { date: formatDate(order.placedAt, locale, dateTime) })} · {t("account.status")}:{" "}
        <strong>{t(`account.orderStatus.${order.status}`, { defaultValue: order.status })}</strong>
      </p>

      <section aria-labelledby="order-items">
        <h2 id="order-items">{t("account.items")}</h2>
        <table className="order-lines">
          <thead>
            <tr>
              <th scope="col">{t("account.items")}</th>
              <th scope="col">{t("account.quantity")}</th>
              <th scope="col">{t("account.unitPrice")}</th>
              <th scope="col">{t("account.lineTotal")}</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.id}>
                <th scope="row">
                  {line.title} <span className="order-sku">({t("account.sku")} {line.sku})</span>
                </th>
                <td>{line.quantity}</td>
                <td>{money(line.unitPrice)}</td>
                <td>{money(line.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="order-totals">
          {totals.map(([label, amount]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{money(amount)}</dd>
            </div>
          ))}
          <div className="price">
            <dt>{t("account.total")}</dt>
            <dd>{money(order.total)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="order-shipments">
        <h2 id="order-shipments">{t("account.shipments")}</h2>
        <ol className="order-shipments">
          {order.fulfillments.map((group, index) => (
            <li key={group.id}>
              <h3>{t("account.shipment", { index: index + 1 })}</h3>
              <p>{t(`account.fulfillmentStatus.${group.status}`, { defaultValue: group.status })}</p>
              {group.trackingNumber ? (
                <dl>
                  {group.carrier ? (
                    <div>
                      <dt>{t("account.carrier")}</dt>
                      <dd>{group.carrier}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("account.trackingNumber")}</dt>
                    <dd className="tracking-number">{group.trackingNumber}</dd>
                  </div>
                </dl>
              ) : null}
              <p>{group.shippedAt ? t("account.shippedAt", { date: formatDate(group.shippedAt, locale) }) : t("account.notShippedYet")}</p>
            </li>
          ))}
        </ol>
      </section>

      {address ? (
        <section aria-labelledby="order-address">
          <h2 id="order-address">{t("account.shippingAddress")}</h2>
          <address>
            {address.name}
            <br />
            {[address.line1, address.number].filter(Boolean).join(", ")}
            {address.line2 ? `, ${address.line2}` : ""}
            <br />
            {[address.district, address.city, address.region].filter(Boolean).join(", ")}
            <br />
            {address.postalCode} · {address.country}
          </address>
        </section>
      ) : null}

      <section aria-labelledby="order-payment">
        <h2 id="order-payment">{t("account.payment")}</h2>
        <ul>
          {order.payments.map((payment) => (
            <li key={payment.id}>
              {t(`account.paymentMethods.${payment.method}`, { defaultValue: payment.method })}
              {payment.installments > 1 ? ` ${t("account.installments", { count: payment.installments })}` : ""}: {money(payment.amount)} ·{" "}
              {t(`common.paymentStatus.${payment.status}`, { defaultValue: payment.status })}
              {payment.interestAmount ? ` · ${t("account.interest", { amount: money(payment.interestAmount) })}` : ""}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="order-timeline">
        <h2 id="order-timeline">{t("account.timeline")}</h2>
        <ol className="order-timeline">
          {order.timeline.map((change) => (
            <li key={`${change.status}-${change.at.toISOString()}`}>
              <time dateTime={change.at.toISOString()}>{formatDate(change.at, locale, dateTime)}</time>:{" "}
              {t(`account.orderStatus.${change.status}`, { defaultValue: change.status })}
              {change.note ? ` (${t(`account.statusNotes.${change.note}`, { defaultValue: change.note })})` : ""}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
