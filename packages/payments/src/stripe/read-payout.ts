import Stripe from "stripe";
import { z } from "zod";
import type { ConnectedAccount, ProviderPayout } from "../provider.ts";
import { payoutResult } from "./stripe-payouts.ts";

/** The parts of a Stripe Payout we read; what we don't name is ignored. */
const payoutSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  amount: z.number().int(),
  currency: z.string().length(3),
  arrival_date: z.number().int(),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
});

/**
 * A payout on the store's connected account as Stripe holds it now (`GET /v1/payouts/:id` with
 * `Stripe-Account`); undefined when the account has no payout by that id. Read with the status
 * mapping `payOut` answers with, so a canceled payout is failed here too.
 */
export async function readPayout(stripe: Stripe, providerPayoutId: string, account: ConnectedAccount): Promise<ProviderPayout | undefined> {
  let payout: z.infer<typeof payoutSchema>;
  try {
    payout = payoutSchema.parse(await stripe.payouts.retrieve(providerPayoutId, {}, { stripeAccount: account.accountId }));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) return undefined;
    throw error;
  }
  return {
    ...payoutResult(payout),
    amount: BigInt(payout.amount),
    currency: payout.currency.toUpperCase(),
    arrivalDate: new Date(payout.arrival_date * 1000),
  };
}
