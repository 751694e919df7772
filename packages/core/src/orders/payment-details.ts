/** Reading what a provider returned last about a payment (`Payment.details`), which is untyped JSON. */
export type PaymentDetails = Record<string, unknown>;

export const detailText = (details: PaymentDetails, key: string) => (typeof details[key] === "string" ? (details[key] as string) : null);

export const detailMinorUnits = (details: PaymentDetails, key: string) => {
  const value = detailText(details, key);
  return value && /^\d{1,18}$/.test(value) ? BigInt(value) : null;
};

/**
 * The interest a provider that prices installments itself (Mercado Pago) charges the shopper on
 * top of the payment: the store asked for `amount`, the shopper pays the provider more. Every view
 * of what a shopper paid adds it, so the status page, the order history and the order agree.
 */
export function providerInterest(payment: { method: string; amount: bigint; details: unknown }): bigint {
  if (payment.method !== "card") return 0n;
  const paidToProvider = detailMinorUnits((payment.details ?? {}) as PaymentDetails, "totalPaidAmount");
  return paidToProvider && paidToProvider > payment.amount ? paidToProvider - payment.amount : 0n;
}
