import type { AppRouter } from "@primestore/api/client";
import { formatDate, formatMoney } from "@primestore/i18n";
import { Field, FormError, SubmitButton, type AppErrorCode } from "@primestore/ui";
import { Form } from "@remix-run/react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslation } from "react-i18next";
import { dateTimeFormat } from "../../lib/format.ts";
import type { RefundProblems, RefundValues } from "./refund.server.ts";

type Payment = inferRouterOutputs<AppRouter>["orders"]["sellerGet"]["payments"][number];

/** What the refund action answered, for the payment it was about. */
export type RefundResult =
  | { ok: true; paymentId: string; refund: { amount: bigint; currency: string; status: "pending" | "succeeded" | "failed" } }
  | { ok: false; paymentId: string; code: AppErrorCode; problems: RefundProblems; values: RefundValues; retryKey: string | null };

const REFUNDABLE_STATUSES = new Set(["paid", "partially_refunded"]);

/** What can still be refunded: captured, less what was refunded (or is being) and charged back. */
export function refundableAmount(payment: Payment): bigint {
  if (!REFUNDABLE_STATUSES.has(payment.status)) return 0n;
  const left = payment.capturedAmount - payment.refundedAmount - payment.chargedBackAmount;
  return left > 0n ? left : 0n;
}

interface OrderPaymentProps {
  payment: Payment;
  index: number;
  currency: string;
  canRefund: boolean;
  refundKey: string;
  result: RefundResult | null;
}

/** One payment of the order: its figures, its refunds, and a refund form while something is left. */
export function OrderPayment({ payment, index, currency, canRefund, refundKey, result }: OrderPaymentProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (amount: bigint) => formatMoney(amount, currency, locale);
  const refundable = refundableAmount(payment);
  const headingId = `payment-${payment.id}`;
  const provider = t(`portal.providers.${payment.provider}`, { defaultValue: payment.provider });
  const figures: Array<[string, string]> = [
    [t("portal.orderDetail.provider"), provider],
    [t("portal.orderDetail.method"), t(`portal.paymentMethods.${payment.method}`, { defaultValue: payment.method })],
    [t("portal.status"), t(`common.paymentStatus.${payment.status}`, { defaultValue: payment.status })],
    [t("portal.orderDetail.installments"), String(payment.installments)],
    [t("portal.orderDetail.amount"), money(payment.amount)],
    ...(payment.providerInterest ? [[t("portal.orderDetail.paidToProvider", { provider }), money(payment.amount + payment.providerInterest)] as [string, string]] : []),
    [t("portal.orderDetail.captured"), money(payment.capturedAmount)],
    [t("portal.orderDetail.refunded"), money(payment.refundedAmount)],
    [t("portal.orderDetail.chargedBack"), money(payment.chargedBackAmount)],
    [t("portal.orderDetail.refundable"), money(refundable)],
  ];

  return (
    <section className="panel payment" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t("portal.orderDetail.payment", { index })}: {t(`portal.paymentMethods.${payment.method}`, { defaultValue: payment.method })} ·{" "}
        {t(`common.paymentStatus.${payment.status}`, { defaultValue: payment.status })}
      </h4>
      <dl className="facts">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {payment.providerInterest ? <p className="muted">{t("portal.orderDetail.providerInterestNote", { provider, interest: money(payment.providerInterest) })}</p> : null}

      {payment.refunds.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t("portal.orderDetail.refunds")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("portal.orderDetail.date")}</th>
                <th scope="col" className="numeric">
                  {t("portal.orderDetail.amount")}
                </th>
                <th scope="col">{t("portal.status")}</th>
                <th scope="col">{t("portal.orderDetail.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {payment.refunds.map((refund) => (
                <tr key={refund.id}>
                  <td>{formatDate(refund.createdAt, locale, dateTimeFormat)}</td>
                  <td className="numeric">{money(refund.amount)}</td>
                  <td>{t(`portal.refundStatus.${refund.status}`, { defaultValue: refund.status })}</td>
                  <td>{refund.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("portal.orderDetail.noRefunds")}</p>
      )}

      {result?.ok ? (
        <p role="status" className={result.refund.status === "failed" ? "form-error" : "success"}>
          {t(`portal.refund.${result.refund.status}`, { amount: formatMoney(result.refund.amount, result.refund.currency, locale) })}
        </p>
      ) : null}
      {canRefund && refundable > 0n ? (
        <RefundForm payment={payment} currency={currency} refundable={refundable} refundKey={refundKey} failed={result && !result.ok ? result : null} />
      ) : null}
    </section>
  );
}

interface RefundFormProps {
  payment: Payment;
  currency: string;
  refundable: bigint;
  refundKey: string;
  failed: Extract<RefundResult, { ok: false }> | null;
}

function RefundForm({ payment, currency, refundable, refundKey, failed }: RefundFormProps) {
  const { t, i18n } = useTranslation();
  const left = formatMoney(refundable, currency, i18n.language);
  const titleId = `refund-${payment.id}`;
  const problem = (field: "amount" | "reason") => (failed?.problems[field] ? t(`forms.${failed.problems[field]}`) : undefined);
  const formError = failed && failed.code !== "VALIDATION" ? t(`errors.${failed.code}`) : null;
  return (
    // A new key once the page's refund key changes (after a refund) empties the form.
    <Form method="post" key={refundKey} className="refund-form" aria-labelledby={titleId}>
      <h5 id={titleId}>{t("portal.refund.title")}</h5>
      <FormError message={formError} />
      <input type="hidden" name="paymentId" value={payment.id} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="remaining" value={refundable.toString()} />
      <input type="hidden" name="idempotencyKey" value={failed?.retryKey ?? refundKey} />
      <Field
        name="amount"
        label={t("portal.refund.amount", { currency })}
        inputMode="decimal"
        autoComplete="off"
        required
        hint={t("portal.refund.amountHint", { max: left })}
        defaultValue={failed?.values.amount}
        error={problem("amount")}
      />
      <Field name="reason" label={t("portal.refund.reason")} maxLength={500} defaultValue={failed?.values.reason} error={problem("reason")} />
      <div className="form-actions">
        <SubmitButton name="intent" value="amount" label={t("portal.refund.submit")} />
        <SubmitButton name="intent" value="all" formNoValidate className="button-secondary" label={t("portal.refund.refundAll", { amount: left })} />
      </div>
    </Form>
  );
}
