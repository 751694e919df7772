import { apiFailure } from "@primestore/api/remix";
import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError, type AppErrorCode } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { loginPath } from "../../lib/auth.server.ts";
import { dateTimeFormat } from "../../lib/format.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useStoreLayout } from "../../lib/store.ts";
import { OrderPayment } from "./order-payment.tsx";
import { readRefundForm, refundAmount, refundProblems } from "./refund.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  invariantResponse(params.number && /^[1-9]\d{0,8}$/.test(params.number), "NOT_FOUND", 404);
  const { api } = await serverApi(request, { store: params.slug });
  const order = await api.orders.sellerGet({ number: Number(params.number) }).catch(throwForPage(request));
  // Minted as the page renders: a double submit, or sending the form again after a lost answer, refunds once.
  const refundKeys: Record<string, string> = Object.fromEntries(order.payments.map((payment) => [payment.id, crypto.randomUUID()]));
  return { order, refundKeys };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = readRefundForm(await request.formData());
  invariantResponse(form, "BAD_REQUEST", 400);
  const { paymentId, values, idempotencyKey } = form;
  const amount = refundAmount(form);
  if (!amount.ok) {
    // Nothing was asked of the API: nothing changed.
    return data({ ok: false as const, paymentId, code: "VALIDATION" as AppErrorCode, problems: amount.problems, values, retryKey: null }, { status: 400 });
  }
  const { api } = await serverApi(request, { store: params.slug });
  try {
    const refund = await api.payments.refund({ paymentId, amount: amount.amount, reason: values.reason || undefined, idempotencyKey });
    return { ok: true as const, paymentId, refund };
  } catch (error) {
    const failure = apiFailure(error);
    if (failure?.code === "UNAUTHORIZED") throw redirect(loginPath(request));
    if (!failure) throw error;
    // The provider didn't answer, or something broke after the refund was recorded: its outcome is
    // unknown, so the form keeps its key and sending it again asks about that same refund.
    const unknownOutcome = failure.code === "PAYMENT_PROVIDER_FAILED" || failure.code === "INTERNAL";
    if (failure.code === "INTERNAL") console.error("refund failed unexpectedly", error);
    return data(
      { ok: false as const, paymentId, code: failure.code, problems: refundProblems(failure.invalidFields), values, retryKey: unknownOutcome ? idempotencyKey : null },
      { status: failure.status },
    );
  }
}

/** A timeline note in the reader's words: `refund:1500:BRL` is a refund of R$ 15,00. */
function timelineNote(note: string, t: TFunction, locale: string): string {
  const refund = /^refund:(\d+):([A-Z]{3})$/.exec(note);
  if (refund) return t("portal.orderDetail.notes.refund", { amount: formatMoney(BigInt(refund[1]!), refund[2]!, locale) });
  return t(`portal.orderDetail.notes.${note}`, { defaultValue: note });
}

export default function StoreOrder() {
  const { order, refundKeys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { store, can } = useStoreLayout();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (amount: bigint | number) => formatMoney(amount, order.currency, locale);
  const address = order.addresses[0];

  return (
    <article className="order-page" aria-labelledby="order-title">
      <p>
        <Link to={`/stores/${store.slug}/orders`}>{t("portal.orderDetail.backToOrders")}</Link>
      </p>
      <h2 id="order-title">{t("portal.orderDetail.title", { number: order.number })}</h2>
      <dl className="facts">
        <div>
          <dt>{t("portal.placedAt")}</dt>
          <dd>{formatDate(order.placedAt, locale, dateTimeFormat)}</dd>
        </div>
        <div>
          <dt>{t("common.email")}</dt>
          <dd>{order.email}</dd>
        </div>
        <div>
          <dt>{t("portal.status")}</dt>
          <dd>
            <strong>{t(`portal.orderStatus.${order.status}`, { defaultValue: order.status })}</strong>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="order-items">
        <h3 id="order-items">{t("portal.orderDetail.items")}</h3>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("portal.orderDetail.item")}</th>
                <th scope="col">{t("portal.sku")}</th>
                <th scope="col" className="numeric">
                  {t("portal.orderDetail.quantity")}
                </th>
                <th scope="col" className="numeric">
                  {t("portal.orderDetail.unitPrice")}
                </th>
                <th scope="col" className="numeric">
                  {t("portal.orderDetail.lineTotal")}
                </th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.id}>
                  <th scope="row">{line.title}</th>
                  <td>{line.sku}</td>
                  <td className="numeric">{line.quantity}</td>
                  <td className="numeric">{money(line.unitPrice)}</td>
                  <td className="numeric">{money(line.total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  {t("portal.orderDetail.subtotal")}
                </th>
                <td className="numeric">{money(order.subtotal)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={4}>
                  {t("portal.orderDetail.shipping")}
                </th>
                <td className="numeric">{money(order.shippingTotal)}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={4}>
                  {t("portal.total")}
                </th>
                <td className="numeric">
                  <strong>{money(order.total)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="order-address">
        <h3 id="order-address">{t("portal.orderDetail.shippingAddress")}</h3>
        {address ? (
          <address>
            {address.name}
            <br />
            {[address.line1, address.number].filter(Boolean).join(", ")}
            <br />
            {[address.district, address.city, address.region].filter(Boolean).join(", ")}
            <br />
            {address.postalCode} · {address.country}
          </address>
        ) : (
          <p>{t("portal.orderDetail.noAddress")}</p>
        )}
      </section>

      <section aria-labelledby="order-payments">
        <h3 id="order-payments">{t("portal.orderDetail.payments")}</h3>
        {order.payments.length ? (
          order.payments.map((payment, index) => (
            <OrderPayment
              key={payment.id}
              payment={payment}
              index={index + 1}
              currency={order.currency}
              canRefund={can["refunds:write"]}
              refundKey={refundKeys[payment.id] ?? ""}
              result={result?.paymentId === payment.id ? result : null}
            />
          ))
        ) : (
          <p>{t("portal.orderDetail.noPayments")}</p>
        )}
      </section>

      <section aria-labelledby="order-timeline">
        <h3 id="order-timeline">{t("portal.orderDetail.timeline")}</h3>
        <ol className="timeline">
          {order.statusChanges.map((change, index) => (
            // The same status can come twice (two partial refunds), even in the same millisecond; the list only grows at its end.
            <li key={index}>
              <time dateTime={change.createdAt.toISOString()}>{formatDate(change.createdAt, locale, dateTimeFormat)}</time>:{" "}
              <strong>{t(`portal.orderStatus.${change.status}`, { defaultValue: change.status })}</strong>
              {change.note ? ` (${timelineNote(change.note, t, locale)})` : ""}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
