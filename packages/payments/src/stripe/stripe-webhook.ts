import Stripe from "stripe";
import { z } from "zod";
import { type WebhookNotification, type WebhookRequest, WebhookVerificationError } from "../provider.ts";

/** The few fields we read from a verified event; anything else in it is Stripe's business. */
const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  account: z.string().optional(),
  data: z.object({
    object: z.object({
      id: z.string().optional(),
      object: z.string(),
      // Charges, refunds and disputes name their PaymentIntent (null for a charge made without one).
      payment_intent: z.string().nullable().optional(),
      metadata: z.record(z.string(), z.string()).optional(),
    }),
  }),
});

export interface WebhookVerification {
  webhookSecret: string;
  toleranceSeconds: number;
}

/**
 * Verifies `Stripe-Signature` over the raw body with the SDK, then reads what to refetch: the
 * PaymentIntent itself for `payment_intent.*` events, the one a charge, refund or dispute belongs to
 * for `charge.*`, `charge.refund.*`, `charge.dispute.*` and `refund.*`. Replays parse to the same
 * event id; deduplicating them is the caller's job.
 */
export function parseStripeWebhook(request: WebhookRequest, { webhookSecret, toleranceSeconds }: WebhookVerification): WebhookNotification {
  const header = request.headers.get("stripe-signature");
  if (!header) throw new WebhookVerificationError("missing_signature");
  let verified: unknown;
  try {
    verified = Stripe.webhooks.constructEvent(request.rawBody, header, webhookSecret, toleranceSeconds, undefined, request.now?.getTime());
  } catch (error) {
    throw new WebhookVerificationError(verificationFailure(error));
  }
  const parsed = eventSchema.safeParse(verified);
  if (!parsed.success) throw new WebhookVerificationError("malformed");
  const event = parsed.data;
  const object = event.data.object;
  return {
    eventId: event.id,
    type: event.type,
    providerPaymentId: (object.object === "payment_intent" ? object.id : object.payment_intent) ?? undefined,
    tenantId: object.metadata?.tenantId,
    paymentId: object.metadata?.paymentId,
    accountId: event.account,
  };
}

function verificationFailure(error: unknown): WebhookVerificationError["reason"] {
  // The SDK checks the signature before the timestamp and reports both with the same error class:
  // only its message tells an old but genuine delivery from a forged one.
  if (error instanceof Stripe.errors.StripeSignatureVerificationError) return /tolerance/i.test(error.message) ? "stale" : "bad_signature";
  // Anything else is thrown after the signature held: the signed body is not an event we can read.
  return "malformed";
}
