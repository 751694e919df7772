import type { Tx } from "@primestore/db";
import { PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS, shareOf } from "@primestore/payments";
import { type LedgerPosting, ledgerAccounts, postTransaction } from "../ledger/index.ts";

export type PaymentRow = { id: string; provider: "test" | "mercadopago" | "stripe"; amount: bigint; currency: string };

const { cash, tenantPayable, platformCommission, gatewayFees } = ledgerAccounts;

/**
 * A captured payment: the money is at the provider (cash), the tenant is owed it less the
 * platform's commission (taken at the tenant's rate now), which is the platform's revenue.
 * Posted once per payment, whoever reports the capture first (primestore_settle_paid books it).
 */
export function capturePosting(payment: PaymentRow, commissionBps: number): { posting: LedgerPosting; commission: bigint } {
  const commission = shareOf(payment.amount, commissionBps);
  return {
    commission,
    posting: {
      kind: "capture",
      reference: payment.id,
      entries: [
        { account: cash(payment.provider), amount: payment.amount, currency: payment.currency },
        { account: tenantPayable, amount: -(payment.amount - commission), currency: payment.currency },
        { account: platformCommission, amount: -commission, currency: payment.currency },
      ],
    },
  };
}

/**
 * What the provider kept of a payment. Who bears it is the provider's doing: Mercado Pago takes it
 * from the seller's share in the seller's own account, so the store is owed that much less; Stripe
 * charges the platform, whose commission pays for it (an expense).
 */
export async function bookGatewayFee(tx: Tx, tenantId: string, payment: PaymentRow, fee: bigint): Promise<void> {
  if (fee <= 0n) return;
  const bearer = PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS.includes(payment.provider) ? tenantPayable : gatewayFees;
  const { posted } = await postTransaction(tx, tenantId, {
    kind: "gateway_fee",
    reference: payment.id,
    entries: [
      { account: bearer, amount: fee, currency: payment.currency },
      { account: cash(payment.provider), amount: -fee, currency: payment.currency },
    ],
  });
  if (posted) await tx.payment.update({ where: { id: payment.id }, data: { feeAmount: fee } });
}

/**
 * A refund leaves the provider's cash; the tenant gives back its share and the platform its
 * commission on the refunded part (per the tenant's policy, decided when the refund was asked).
 */
export async function bookRefund(tx: Tx, tenantId: string, payment: PaymentRow, refund: { id: string; amount: bigint; commissionReversed: bigint }): Promise<void> {
  await postTransaction(tx, tenantId, {
    kind: "refund",
    reference: refund.id,
    entries: [
      { account: cash(payment.provider), amount: -refund.amount, currency: payment.currency },
      { account: tenantPayable, amount: refund.amount - refund.commissionReversed, currency: payment.currency },
      { account: platformCommission, amount: refund.commissionReversed, currency: payment.currency },
    ],
  });
}

/** A lost dispute: the provider takes the money back, and the tenant bears it. */
export async function bookChargeback(tx: Tx, tenantId: string, payment: PaymentRow, amount: bigint, reference: string): Promise<void> {
  await postTransaction(tx, tenantId, {
    kind: "chargeback",
    reference,
    entries: [
      { account: cash(payment.provider), amount: -amount, currency: payment.currency },
      { account: tenantPayable, amount, currency: payment.currency },
    ],
  });
}
