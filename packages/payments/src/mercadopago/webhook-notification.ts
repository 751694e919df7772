import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { type WebhookNotification, type WebhookRequest, WebhookVerificationError } from "../provider.ts";

const DEFAULT_WEBHOOK_TOLERANCE_MS = 5 * 60_000;

/** Only the routing fields: the body isn't signed, so nothing in it decides what we fetch. */
const bodySchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  type: z.string().optional(),
  action: z.string().optional(),
});

/** `ts=1704908010,v1=618c85...`: parts in any order; anything else is malformed. */
function signatureParts(header: string): { ts: string; v1: string } {
  const parts = new Map(header.split(",").map((part) => part.trim().split("=", 2) as [string, string | undefined]));
  const ts = parts.get("ts");
  const v1 = parts.get("v1");
  if (!ts || !/^\d+$/.test(ts) || !v1) throw new WebhookVerificationError("malformed");
  return { ts, v1 };
}

/** MP's manifest, with a part left out when the request lacks it; an alphanumeric id is signed lowercased. */
function signatureManifest(parts: { dataId?: string; requestId?: string; ts: string }): string {
  const dataId = parts.dataId && /^[a-z0-9]+$/i.test(parts.dataId) ? parts.dataId.toLowerCase() : parts.dataId;
  return [dataId && `id:${dataId};`, parts.requestId && `request-id:${parts.requestId};`, `ts:${parts.ts};`].filter(Boolean).join("");
}

function verifyHmac(secret: string, manifest: string, v1: string): void {
  const expected = createHmac("sha256", secret).update(manifest).digest();
  // Buffer.from(…, "hex") drops what isn't hex, so check the shape first; then equal lengths for timingSafeEqual.
  if (!/^[0-9a-f]{64}$/i.test(v1) || !timingSafeEqual(Buffer.from(v1, "hex"), expected)) throw new WebhookVerificationError("bad_signature");
}

/** Mercado Pago has sent `ts` in seconds and in milliseconds; no real second count is past 1e12. */
const tsToMs = (ts: string) => (ts.length > 12 ? Number(ts) : Number(ts) * 1000);

function parseBody(rawBody: string): z.infer<typeof bodySchema> {
  try {
    return bodySchema.parse(JSON.parse(rawBody));
  } catch {
    throw new WebhookVerificationError("malformed");
  }
}

/**
 * Verifies a Mercado Pago webhook as documented (x-signature over data.id from the query string,
 * x-request-id and ts) and says what to refetch. The signature covers neither the body nor the
 * rest of the URL, so the payment named is always the query's `data.id`, and `tenant` (which we
 * put in notification_url) is a routing hint to check against the refetched payment's metadata.
 */
export function parseMercadoPagoWebhook(
  request: WebhookRequest,
  options: { secret: string; toleranceMs?: number },
): WebhookNotification {
  const header = request.headers.get("x-signature");
  if (!header) throw new WebhookVerificationError("missing_signature");
  const { ts, v1 } = signatureParts(header);
  const dataId = request.url.searchParams.get("data.id") ?? undefined;
  const requestId = request.headers.get("x-request-id") ?? undefined;
  verifyHmac(options.secret, signatureManifest({ dataId, requestId, ts }), v1);
  const now = (request.now ?? new Date()).getTime();
  if (Math.abs(now - tsToMs(ts)) > (options.toleranceMs ?? DEFAULT_WEBHOOK_TOLERANCE_MS)) throw new WebhookVerificationError("stale");

  const body = parseBody(request.rawBody);
  const type = body.action ?? body.type ?? request.url.searchParams.get("type");
  // MP documents the body's `id` as the event's unique id, there to avoid duplicate messages: a
  // redelivery carries it again, a later change of the payment is a new event with a new id.
  // x-request-id is only documented as naming a request, so it may change per delivery. The
  // body is unsigned, so its id is scoped by the signed data.id: replaying a captured,
  // still-fresh signature with another id can only touch that one payment, which we refetch.
  const eventKey = body.id ?? (requestId && `request-${requestId}`);
  if (!type || !eventKey) throw new WebhookVerificationError("malformed");
  const tenantId = request.url.searchParams.get("tenant");
  return {
    eventId: `${dataId ?? "-"}:${eventKey}`,
    type,
    ...(dataId ? { providerPaymentId: dataId } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
}
