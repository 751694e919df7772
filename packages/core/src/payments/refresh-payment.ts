import { type Db, type Tx, withTenant } from "@primestore/db";
import { findAccessibleOrder, getPaymentProgress } from "../orders/order-status.ts";
import type { OrderAccess, PaymentProgress } from "../orders/schemas.ts";
import { connectedAccount } from "./accounts.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";
import { syncPaymentInTx } from "./sync-payment.ts";

/**
 * The buyer's page asks the provider where their pending payment stands, right after they did
 * what it waited for (a 3-D Secure challenge), instead of waiting for the webhook. The provider's
 * answer goes through the same sync a webhook's does, so whichever comes first settles the payment
 * and the other changes nothing. The provider is called between two transactions, holding no lock.
 */
export async function refreshPayment(db: Db, gateway: PaymentGateway, tenantId: string, access: OrderAccess): Promise<PaymentProgress> {
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenantId, fn);
  const pending = await scoped(async (tx) => {
    const { payment } = await findAccessibleOrder(tx, tenantId, access);
    if (payment.status !== "pending" || payment.provider === "test" || !payment.providerPaymentId) return null;
    return { id: payment.id, provider: payment.provider, providerPaymentId: payment.providerPaymentId, account: await connectedAccount(tx, gateway, tenantId, payment.provider) };
  });
  if (pending) {
    const snapshot = await providerOf(gateway, pending.provider).getPayment(pending.providerPaymentId, pending.account);
    await scoped((tx) => syncPaymentInTx(tx, tenantId, pending.id, snapshot));
  }
  return scoped((tx) => getPaymentProgress(tx, tenantId, access));
}
