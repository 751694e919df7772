import type { Tx } from "@primestore/db";
import { z } from "zod";
import { AppError } from "../errors/index.ts";

const minor = z.number().int().min(0).max(100_000_000);
const grams = z.number().int().min(0).max(1_000_000);

/** A shipping rate as the seller edits it; a new one has no id. */
export const shippingRateInput = z
  .object({
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(80),
    kind: z.enum(["flat", "by_weight", "free_over"]),
    currency: z.string().regex(/^[A-Z]{3}$/),
    amount: minor,
    minWeightGrams: grams.optional(),
    maxWeightGrams: grams.optional(),
    thresholdAmount: minor.optional(),
    /** ISO 3166-1 alpha-2; none: everywhere. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).max(250).default([]),
  })
  .refine((rate) => rate.minWeightGrams === undefined || rate.maxWeightGrams === undefined || rate.minWeightGrams <= rate.maxWeightGrams, {
    path: ["maxWeightGrams"],
    message: "the heaviest parcel can't weigh less than the lightest",
  })
  .refine((rate) => rate.kind !== "free_over" || rate.thresholdAmount !== undefined, { path: ["thresholdAmount"], message: "free shipping needs the amount it starts from" });
export type ShippingRateInput = z.input<typeof shippingRateInput>;

export function listShippingRates(tx: Tx) {
  return tx.shippingRate.findMany({ orderBy: [{ active: "desc" }, { currency: "asc" }, { name: "asc" }] });
}

/**
 * Creates or changes one of the store's rates, in a currency the store sells in. Orders keep the
 * name and amount they were quoted, so changing a rate changes only what shoppers are quoted next.
 */
export async function saveShippingRate(tx: Tx, tenantId: string, raw: ShippingRateInput): Promise<{ id: string; name: string }> {
  const { id, ...input } = shippingRateInput.parse(raw);
  const store = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currencies: true } });
  if (!store.currencies.includes(input.currency)) throw new AppError("CURRENCY_NOT_ENABLED");
  const data = {
    ...input,
    minWeightGrams: input.minWeightGrams ?? null,
    maxWeightGrams: input.maxWeightGrams ?? null,
    thresholdAmount: input.kind === "free_over" ? (input.thresholdAmount ?? null) : null,
  };
  if (!id) return tx.shippingRate.create({ data: { tenantId, ...data }, select: { id: true, name: true } });
  const changed = await tx.shippingRate.updateMany({ where: { id }, data });
  if (changed.count === 0) throw new AppError("NOT_FOUND", "No such shipping rate");
  return { id, name: input.name };
}

/** Offers a rate at checkout again, or stops offering it (rates are never deleted: orders name them). */
export async function setShippingRateActive(tx: Tx, rateId: string, active: boolean): Promise<{ name: string }> {
  const rate = await tx.shippingRate.findUnique({ where: { id: rateId } });
  if (!rate) throw new AppError("NOT_FOUND", "No such shipping rate");
  await tx.shippingRate.update({ where: { id: rate.id }, data: { active } });
  return { name: rate.name };
}
