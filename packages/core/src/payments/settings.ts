import type { Tx } from "@primestore/db";
import { z } from "zod";
import { checkoutSettingsSchema, parseCheckoutSettings } from "../orders/checkout-settings.ts";
import { listPaymentAccounts } from "./accounts.ts";
import { configuredProviders, type PaymentGateway } from "./gateway.ts";

export const paymentSettingsInput = z.object({
  checkout: checkoutSettingsSchema,
  payoutSchedule: z.enum(["daily", "weekly", "monthly", "manual"]),
});
export type PaymentSettingsInput = z.infer<typeof paymentSettingsInput>;

/** A store's payment setup as its sellers see it: never a credential. */
export async function paymentSettings(tx: Tx, tenantId: string, gateway: PaymentGateway) {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { checkout: true, payoutSchedule: true, payoutHoldDays: true, refundCommission: true, commissionBps: true },
  });
  return {
    checkout: parseCheckoutSettings(tenant.checkout),
    payoutSchedule: tenant.payoutSchedule,
    payoutHoldDays: tenant.payoutHoldDays,
    refundCommission: tenant.refundCommission,
    commissionBps: tenant.commissionBps,
    configuredProviders: configuredProviders(gateway),
    accounts: await listPaymentAccounts(tx),
  };
}

/** Methods, their providers, installments and the payout schedule; the platform's terms stay as they are. */
export async function updatePaymentSettings(tx: Tx, tenantId: string, input: PaymentSettingsInput): Promise<void> {
  await tx.tenant.update({ where: { id: tenantId }, data: { checkout: input.checkout, payoutSchedule: input.payoutSchedule } });
}
