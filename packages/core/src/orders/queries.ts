import type { Tx } from "@primestore/db";
import { AppError } from "../errors/index.ts";

export async function getOrderForConfirmation(tx: Tx, orderId: string) {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    include: { lines: true, addresses: { where: { kind: "shipping" } }, tenant: { select: { name: true } } },
  });
  if (!order) throw new AppError("NOT_FOUND", `Order ${orderId} not found`);
  return order;
}

export async function listOrdersForSeller(tx: Tx, limit = 50) {
  return tx.order.findMany({
    orderBy: { placedAt: "desc" },
    take: limit,
    select: { id: true, number: true, email: true, status: true, total: true, currency: true, placedAt: true },
  });
}
