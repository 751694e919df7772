import { receiveWebhook } from "@primestore/core/payments";
import { z } from "zod";
import type { ApiDeps } from "./context.ts";

const webhookProvider = z.enum(["mercadopago", "stripe"]);
/** Provider notifications are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

const answer = (status: number, outcome: string) => Response.json({ outcome }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * `POST /webhooks/<provider>`: verified on the raw body, stored in the store's inbox,
 * acknowledged; the worker processes it (decision 013). Nothing is written unless it verifies.
 */
export async function handleWebhook(deps: ApiDeps, provider: string | undefined, request: Request): Promise<Response> {
  const parsed = webhookProvider.safeParse(provider);
  if (!parsed.success) return answer(404, "unknown_provider");
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return answer(413, "too_large");
  const rawBody = await request.text();
  if (Buffer.byteLength(rawBody) > MAX_BODY_BYTES) return answer(413, "too_large");
  const receipt = await receiveWebhook({ db: deps.db, adminDb: deps.adminDb, gateway: deps.payments }, parsed.data, {
    rawBody,
    headers: request.headers,
    url: new URL(request.url),
  });
  return answer(receipt.status, receipt.outcome);
}
