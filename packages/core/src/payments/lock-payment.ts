import type { Tx } from "@primestore/db";

/**
 * The payment row, locked for the rest of the transaction: refunds, webhooks and settlement of one
 * payment take turns, so amounts read here are the amounts the next update starts from.
 */
export async function lockPayment(tx: Tx, paymentId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  if (!locked[0]) return null;
  return tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
}
