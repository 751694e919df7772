import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwAsResponse } from "../../lib/api-errors.server.ts";
import { PRIVATE_NO_STORE } from "../../lib/cache-headers.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useLocalePath } from "../../lib/locale-path.ts";
import { loadStorefront } from "../../lib/storefront.server.ts";
import { CardAuthentication } from "./card-authentication.tsx";
import { CopyCode } from "./copy-code.tsx";
import { Countdown } from "./countdown.tsx";
import { PaymentWatch } from "./payment-watch.tsx";
import { qrDataUrl } from "@primestore/ui/qr-code";

/**
 * One buyer's page, opened by the token in its URL: never cached, and the URL never leaves for
 * another site as a Referer. (Not `no-referrer`: browsers then post forms with `Origin: null`,
 * which Remix refuses as a cross-site action.)
 */
export const headers: HeadersFunction = () => ({ "Cache-Control": PRIVATE_NO_STORE, "Referrer-Policy": "same-origin" });

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

function access(params: LoaderFunctionArgs["params"]) {
  invariantResponse(params.orderId && params.token, "NOT_FOUND", 404);
  return { orderId: params.orderId, token: params.token };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, locale } = await loadStorefront(request, params);
  // A malformed id or token opens nothing, like a wrong one.
  const order = await api.orders.status(access(params)).catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  const pix = order.payment.status === "pending" && order.payment.pix ? { ...order.payment.pix, qrImage: await qrDataUrl(order.payment.pix.qrCode) } : null;
  return { order, pix, locale };
}

/** Test mode's stand-in for the bank: reports the outcome through the same settlement a webhook uses. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await loadStorefront(request, params);
  const form = await request.formData();
  const outcome = form.get("outcome");
  invariantResponse(outcome === "paid" || outcome === "expired", "BAD_REQUEST", 400);
  await api.orders.simulatePayment({ ...access(params), outcome }).catch((error: unknown) => throwAsResponse(error, { VALIDATION: 404 }));
  throw redirect(new URL(request.url).pathname);
}

export default function OrderStatus() {
  const { order, pix, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { pathname } = useLocation();
  const { token = "" } = useParams();
  const money = (amount: bigint) => formatMoney(amount, order.currency, locale);
  const { payment } = order;
  const pending = payment.status === "pending";
  const heading = order.status === "cancelled" ? t("orderStatus.cancelledTitle") : pending ? t("orderStatus.pendingTitle") : t("storefront.orderPlaced");

  return (
    <section className="order-status" aria-labelledby="order-status-title">
      <h1 id="order-status-title">{heading}</h1>
      <p className="order-number">{t("orderStatus.title", { number: order.number })}</p>

      {order.status === "cancelled" ? (
        <p className="notice">{payment.status === "expired" ? t("orderStatus.paymentExpired") : t("orderStatus.paymentFailed")}</p>
      ) : null}
      {payment.status === "paid" ? <p>{t("orderStatus.paidNotice", { email: order.email })}</p> : null}
      {payment.status === "paid" && payment.method === "card" ? (
        <p>{t("orderStatus.cardPaid", { count: payment.installments, amount: money(payment.installmentAmount) })}</p>
      ) : null}

      {pix ? (
        <section className="payment-instructions" aria-labelledby="pix-title">
          <h2 id="pix-title">{t("orderStatus.pixTitle")}</h2>
          <p>{t("orderStatus.pixInstructions")}</p>
          <img className="pix-qr" src={pix.qrImage} alt={t("orderStatus.qrAlt", { amount: money(order.total) })} width={240} height={240} />
          <CopyCode id="pix-code" label={t("orderStatus.pixCode")} code={pix.qrCode} />
          {payment.expiresAt ? <Countdown until={payment.expiresAt} locale={locale} /> : null}
        </section>
      ) : null}
      {pending && payment.boleto ? (
        <section className="payment-instructions" aria-labelledby="boleto-title">
          <h2 id="boleto-title">{t("orderStatus.boletoTitle")}</h2>
          <CopyCode id="boleto-line" label={t("orderStatus.boletoLine")} code={payment.boleto.digitableLine} />
          <p>{t("orderStatus.boletoDue", { date: formatDate(new Date(`${payment.boleto.dueDate}T12:00:00Z`), locale, { dateStyle: "long", timeZone: "UTC" }) })}</p>
        </section>
      ) : null}

      {pending && payment.cardAction ? <CardAuthentication action={payment.cardAction} orderId={order.id} token={token} locale={locale} /> : null}
      {pending ? (
        <>
          <PaymentWatch orderId={order.id} token={token} />
          <Form method="get" action={pathname}>
            <button type="submit" className="button-secondary">
              {t("orderStatus.checkAgain")}
            </button>
          </Form>
        </>
      ) : null}
      {pending && payment.sandbox ? (
        <section className="sandbox" aria-labelledby="sandbox-title">
          <h2 id="sandbox-title">{t("orderStatus.sandboxTitle")}</h2>
          <p>{t("orderStatus.sandboxBody")}</p>
          <Form method="post" action={pathname}>
            <button type="submit" name="outcome" value="paid">
              {t("orderStatus.simulatePaid")}
            </button>{" "}
            <button type="submit" name="outcome" value="expired" className="button-secondary">
              {t("orderStatus.simulateExpired")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="order-summary" aria-labelledby="summary-title">
        <h2 id="summary-title">{t("storefront.orderSummary")}</h2>
        <ul className="summary-lines">
          {order.lines.map((line) => (
            <li key={line.id}>
              {line.quantity} × {line.title}: {money(line.total)}
            </li>
          ))}
        </ul>
        <dl className="checkout-totals">
          <dt>{t("checkout.subtotal")}</dt>
          <dd>{money(order.subtotal)}</dd>
          {order.shippingMethod ? (
            <>
              <dt>{t("orderStatus.shippingMethod", { method: order.shippingMethod })}</dt>
              <dd>{order.shippingTotal === 0n ? t("checkout.free") : money(order.shippingTotal)}</dd>
            </>
          ) : null}
          {order.interest > 0n ? (
            <>
              <dt>{t("checkout.interest")}</dt>
              <dd>{money(order.interest)}</dd>
            </>
          ) : null}
          <dt>{t("storefront.total")}</dt>
          <dd className="price">{money(order.total)}</dd>
        </dl>
      </section>
      <Link to={localePath("/")}>{t("storefront.continueShopping")}</Link>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
