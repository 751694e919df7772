import { type Db, withTenant } from "@primestore/db";
import { type ConnectedAccount, type ListedProviderPayment, PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS, type ProviderId } from "@primestore/payments";
import { z } from "zod";
import { connectedAccount } from "./accounts.ts";
import { configuredProviders, type PaymentGateway, providerOf } from "./gateway.ts";
import { recordIssue } from "./reconciliation-issue.ts";

/** A provider payment in these states took the shopper's money (or took it and gave it back). */
const MONEY_MOVED = new Set<ListedProviderPayment["status"]>(["paid", "authorized", "refunded"]);
const storeId = z.uuid();

export type ListingFailure = {
  provider: ProviderId;
  /** The store whose account couldn't be listed; none for a platform-wide listing. */
  tenantId?: string;
  error: string;
};

/**
 * The day's payments at the providers that name one of our stores and moved money, but that the
 * store holds no payment for (a crash between the provider's answer and our write, say): recorded
 * as `unknown_at_provider` under the provider's id. Stripe is listed once for the platform; a
 * provider paying into seller accounts (Mercado Pago), once per active connection, with the
 * seller's token. Payments naming none of our stores are the seller's own business and ignored.
 * A listing that fails is left out and reported, the store's as `listing_failed`; the rest go on.
 */
export async function findUnknownAtProviders(adminDb: Db, db: Db, gateway: PaymentGateway, day: { start: Date; end: Date }) {
  const outcome = { listed: 0, recorded: 0, failures: [] as ListingFailure[] };
  const range = { from: day.start, to: day.end };
  for (const id of configuredProviders(gateway)) {
    const provider = providerOf(gateway, id);
    const list = provider.listPayments?.bind(provider);
    if (!list) continue;
    const accounts = PROVIDERS_PAYING_INTO_SELLER_ACCOUNTS.includes(id)
      ? await adminDb.paymentAccount.findMany({ where: { provider: id, status: "active" }, select: { tenantId: true, accountId: true }, orderBy: { tenantId: "asc" } })
      : [undefined];
    const listed: ListedProviderPayment[] = [];
    for (const account of accounts) {
      try {
        const credentials: ConnectedAccount | undefined = account && (await withTenant(db, account.tenantId, (tx) => connectedAccount(tx, gateway, account.tenantId, id)));
        const payments = await list(range, credentials);
        outcome.listed += payments.length;
        // A seller's account speaks only for its own store: metadata naming another can't file issues there.
        listed.push(...payments.filter((payment) => !account || payment.tenantId === account.tenantId));
      } catch (error) {
        const failure = { provider: id, ...(account ? { tenantId: account.tenantId } : {}), error: String(error).slice(0, 300) };
        outcome.failures.push(failure);
        if (account) {
          const issue = { tenantId: account.tenantId, day: day.start, provider: id, reference: account.accountId };
          await withTenant(db, account.tenantId, (tx) => recordIssue(tx, issue, { kind: "listing_failed", details: { error: failure.error } }));
          outcome.recorded++;
        }
      }
    }
    outcome.recorded += await recordUnknown(adminDb, db, id, listed, day.start);
  }
  return outcome;
}

/** Of the listed payments, those naming an existing store that moved money and that the store doesn't hold. */
async function recordUnknown(adminDb: Db, db: Db, provider: ProviderId, listed: ListedProviderPayment[], day: Date): Promise<number> {
  const named = listed.filter((payment) => MONEY_MOVED.has(payment.status) && storeId.safeParse(payment.tenantId).success);
  const stores = await adminDb.tenant.findMany({ where: { id: { in: [...new Set(named.map((payment) => payment.tenantId!))] } }, select: { id: true }, orderBy: { id: "asc" } });
  let recorded = 0;
  for (const { id: tenantId } of stores) {
    const theirs = named.filter((payment) => payment.tenantId === tenantId);
    await withTenant(db, tenantId, async (tx) => {
      const rows = await tx.payment.findMany({ where: { provider, providerPaymentId: { in: theirs.map((payment) => payment.providerPaymentId) } }, select: { providerPaymentId: true } });
      const held = new Set(rows.map((row) => row.providerPaymentId));
      for (const payment of theirs.filter((candidate) => !held.has(candidate.providerPaymentId))) {
        const details = { ...(payment.paymentId ? { paymentId: payment.paymentId } : {}), status: payment.status, currency: payment.currency };
        await recordIssue(tx, { tenantId, day, provider, reference: payment.providerPaymentId }, { kind: "unknown_at_provider", actual: payment.amount, details });
        recorded++;
      }
    });
  }
  return recorded;
}
