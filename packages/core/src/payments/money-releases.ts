import { type Db, withTenant } from "@primestore/db";
import { PROVIDERS_RELEASING_MONEY } from "@primestore/payments";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";
import { syncPaymentInTx } from "./sync-payment.ts";

/**
 * Asks the provider about every captured payment whose money was due for release by `now` and
 * isn't known to be released, or whose release it never reported, across stores. Mercado Pago
 * sends no notification when it releases money, so this is how a store's share becomes
 * available: run it before payouts open. The answer goes through the same sync as a webhook's
 * (refunds or disputes it shows are booked too); a payment still held gets its new date and is
 * asked again then. The provider is called between two transactions, and one that fails leaves
 * the others to go on.
 */
export async function recordDueMoneyReleases(adminDb: Db, db: Db, gateway: PaymentGateway, now = new Date(), limit = 500) {
  const due = await adminDb.payment.findMany({
    where: {
      provider: { in: [...PROVIDERS_RELEASING_MONEY] },
      providerPaymentId: { not: null },
      // Due, or captured without the provider having said when (a card approved at checkout whose webhook never came).
      // A fully refunded payment leaves nothing to release.
      status: { in: ["paid", "partially_refunded"] },
      OR: [{ moneyReleaseStatus: "pending", moneyReleaseDate: { lte: now } }, { moneyReleaseStatus: null, capturedAmount: { gt: 0 } }],
    },
    select: { id: true, tenantId: true, provider: true, providerPaymentId: true },
    // Least recently asked first: payments MP keeps holding past their date go to the back.
    orderBy: { updatedAt: "asc" },
    take: limit,
  });
  const outcome = { checked: due.length, released: 0, failures: [] as Array<{ paymentId: string; error: string }> };
  for (const payment of due) {
    try {
      const account = await withTenant(db, payment.tenantId, (tx) => connectedAccount(tx, gateway, payment.tenantId, payment.provider));
      const snapshot = await providerOf(gateway, payment.provider).getPayment(payment.providerPaymentId!, account);
      await withTenant(db, payment.tenantId, async (tx) => {
        await syncPaymentInTx(tx, payment.tenantId, payment.id, snapshot);
        await tx.payment.update({ where: { id: payment.id }, data: { updatedAt: new Date() } });
      });
      if (snapshot.moneyRelease?.status === "released") outcome.released++;
    } catch (error) {
      // An outage or a revoked connection: the payment stays due and is asked again next run.
      outcome.failures.push({ paymentId: payment.id, error: String(error).slice(0, 300) });
    }
  }
  return outcome;
}
