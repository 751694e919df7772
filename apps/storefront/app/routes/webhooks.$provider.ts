import { handleWebhook } from "@primestore/api";
import type { ActionFunctionArgs } from "@remix-run/node";
import { apiDeps } from "../lib/api.server.ts";

/** Payment providers' notifications: `POST /webhooks/mercadopago`, `POST /webhooks/stripe`. */
export function action({ request, params }: ActionFunctionArgs) {
  return handleWebhook(apiDeps(), params.provider, request);
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
