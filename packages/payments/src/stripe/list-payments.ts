import type Stripe from "stripe";
import type { ListedProviderPayment } from "../provider.ts";
import { listedPayment } from "./payment-snapshot.ts";

/**
 * The platform's PaymentIntents created in [from, to), every page of them. Destination charges
 * live on the platform account, so one listing covers every store. Stripe's `created` is in
 * whole seconds, so the range is too.
 */
export async function listPaymentIntents(stripe: Stripe, { from, to }: { from: Date; to: Date }): Promise<ListedProviderPayment[]> {
  const created = { gte: Math.floor(from.getTime() / 1000), lt: Math.floor(to.getTime() / 1000) };
  const listed: ListedProviderPayment[] = [];
  // The charge comes along so a payment refunded in full reads as refunded.
  for await (const intent of stripe.paymentIntents.list({ created, limit: 100, expand: ["data.latest_charge"] })) listed.push(listedPayment(intent));
  return listed;
}
