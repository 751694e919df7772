import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { completeOnboarding, createAccount, createAccountLink, createTransfer, retrieveAccount } from "./fake-connect.ts";
import { createPaymentIntent, createRefund, listDisputes, listRefunds, openDispute, retrievePaymentIntent } from "./fake-payments.ts";
import { FakeStripeError, type FakeStripeErrorBody } from "./fake-stripe-error.ts";
import { createFakeStripeState, type FakeDispute, type FakeStripeState, newId, unixNow } from "./fake-stripe-state.ts";
import { type FormParams, type FormValue, parseFormParams } from "./form-params.ts";

export { fakeCardFee } from "./fake-payments.ts";
export type {
  FakeAccount,
  FakeBalanceTransaction,
  FakeCharge,
  FakeDispute,
  FakePaymentIntent,
  FakeRefund,
  FakeStripeState,
  FakeTransfer,
} from "./fake-stripe-state.ts";
export type { FormParams } from "./form-params.ts";

export interface RecordedRequest {
  method: string;
  /** Without the query string. */
  path: string;
  /** Lower-cased names, as Node receives them. */
  headers: Record<string, string>;
  idempotencyKey?: string;
  /** The form body of a POST or the query of a GET, decoded into its nested shape. */
  params: FormParams;
  /** What the fake answered, or would have answered had the connection not been dropped. */
  status?: number;
  /** Answered from the idempotency store: no object was created. */
  replayed: boolean;
  dropped: boolean;
}

export interface FakeStripe {
  port: number;
  /** `http://127.0.0.1:<port>`; point the SDK at it with `{ host: "127.0.0.1", port, protocol: "http" }`. */
  url: string;
  requests: RecordedRequest[];
  state: FakeStripeState;
  /**
   * The next request to `path` is carried out (objects created, its idempotency key stored), then
   * its connection is destroyed without an answer: the "Stripe charged, we never heard" case.
   * Each call drops one more request.
   */
  dropNextResponse(path: string): void;
  /** An Express account requesting `transfers`, onboarded (transfers active) unless told otherwise. */
  createConnectedAccount(options?: { onboarded?: boolean }): string;
  completeOnboarding(accountId: string): void;
  /** The bank disputes the payment's successful charge (the amount defaults to the whole charge). */
  openDispute(paymentIntentId: string, dispute: { status: FakeDispute["status"]; amount?: number }): FakeDispute;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  replayed?: boolean;
}

interface StoredAnswer extends Answer {
  path: string;
  fingerprint: string;
}

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  handle(context: { state: FakeStripeState; params: FormParams; id: string; baseUrl: string }): unknown;
}

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/payment_intents$/, handle: ({ state, params }) => createPaymentIntent(state, params) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handle: ({ state, params, id }) => retrievePaymentIntent(state, id, params) },
  { method: "POST", pattern: /^\/v1\/refunds$/, handle: ({ state, params }) => createRefund(state, params) },
  { method: "GET", pattern: /^\/v1\/refunds$/, handle: ({ state, params }) => listRefunds(state, params) },
  { method: "GET", pattern: /^\/v1\/disputes$/, handle: ({ state, params }) => listDisputes(state, params) },
  { method: "POST", pattern: /^\/v1\/transfers$/, handle: ({ state, params }) => createTransfer(state, params) },
  { method: "POST", pattern: /^\/v1\/accounts$/, handle: ({ state, params }) => createAccount(state, params) },
  { method: "GET", pattern: /^\/v1\/accounts\/([^/]+)$/, handle: ({ state, id }) => retrieveAccount(state, id) },
  { method: "POST", pattern: /^\/v1\/account_links$/, handle: ({ state, params, baseUrl }) => createAccountLink(state, params, baseUrl) },
];

const errorAnswer = (status: number, error: FakeStripeErrorBody): Answer => ({ status, body: { error } });

/**
 * A stateful stand-in for api.stripe.com on 127.0.0.1, for the real SDK to talk to. It keeps what
 * it creates, honours `Idempotency-Key` like Stripe (same key and parameters: the stored answer,
 * nothing new; same key, other parameters or endpoint: 400 idempotency_error; only requests that
 * ran, successes and card declines, are stored), records every request, and decides cards by
 * Stripe's test payment method ids (pm_card_visa, pm_card_chargeDeclined,
 * pm_card_chargeDeclinedInsufficientFunds, pm_card_authenticationRequired).
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const state = createFakeStripeState();
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, StoredAnswer>();
  const drops: string[] = [];
  let baseUrl = "";

  function answer(record: RecordedRequest): Answer {
    if (!/^Bearer sk_test_\w+$/.test(record.headers.authorization ?? "")) {
      return errorAnswer(401, { type: "invalid_request_error", message: "Invalid API Key provided" });
    }
    const route = ROUTES.find((candidate) => candidate.method === record.method && candidate.pattern.test(record.path));
    if (!route) return errorAnswer(404, { type: "invalid_request_error", message: `Unrecognized request URL (${record.method}: ${record.path})` });
    const key = record.idempotencyKey;
    const fingerprint = canonicalJson(record.params);
    const stored = key === undefined ? undefined : idempotent.get(key);
    if (stored && (stored.path !== record.path || stored.fingerprint !== fingerprint)) {
      return errorAnswer(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (stored) return { status: stored.status, body: stored.body, replayed: true };

    const id = decodeURIComponent(route.pattern.exec(record.path)?.[1] ?? "");
    const result = run(() => route.handle({ state, params: record.params, id, baseUrl }));
    // Stripe keeps the result of a request that ran, decline included, but not of one it refused.
    if (key !== undefined && (result.status === 200 || result.status === 402)) idempotent.set(key, { ...result, path: record.path, fingerprint });
    return result;
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", baseUrl);
    const method = request.method ?? "GET";
    const body = await readBody(request);
    const headers = flattenHeaders(request.headers);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      headers,
      params: parseFormParams(method === "GET" ? url.search.slice(1) : body),
      replayed: false,
      dropped: false,
      ...(method === "POST" && headers["idempotency-key"] ? { idempotencyKey: headers["idempotency-key"] } : {}),
    };
    requests.push(record);
    const { status, body: payload, replayed = false } = answer(record);
    Object.assign(record, { status, replayed });
    const drop = drops.indexOf(record.path);
    if (drop >= 0) {
      drops.splice(drop, 1);
      record.dropped = true;
      request.socket.destroy();
      return;
    }
    response.writeHead(status, { "content-type": "application/json", "request-id": newId("req"), ...(replayed ? { "idempotent-replayed": "true" } : {}) });
    response.end(JSON.stringify(payload));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    port,
    url: baseUrl,
    requests,
    state,
    dropNextResponse: (path) => drops.push(path),
    createConnectedAccount({ onboarded = true } = {}) {
      const account = createAccount(state, { type: "express", capabilities: { transfers: { requested: "true" } } });
      if (onboarded) completeOnboarding(state, account.id);
      return account.id;
    },
    completeOnboarding: (accountId) => void completeOnboarding(state, accountId),
    openDispute: (paymentIntentId, dispute) => openDispute(state, paymentIntentId, dispute),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * A webhook delivery as Stripe would send it: the event JSON (pretty-printed, like Stripe's) and
 * its `Stripe-Signature` header, signed with `secret` at `timestamp` (seconds; default now).
 */
export function signedEvent(type: string, object: object, options: { secret: string; account?: string; timestamp?: number }) {
  const timestamp = options.timestamp ?? unixNow();
  const event = {
    id: newId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: timestamp,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...(options.account ? { account: options.account } : {}),
  };
  const rawBody = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret: options.secret, timestamp });
  return { event, rawBody, header };
}

function run(handle: () => unknown): Answer {
  try {
    return { status: 200, body: handle() };
  } catch (error) {
    if (error instanceof FakeStripeError) return errorAnswer(error.status, error.body);
    return errorAnswer(500, { type: "api_error", message: error instanceof Error ? error.message : String(error) });
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  return flat;
}

/** Parameters compared the way Stripe does: by value, whatever order the keys were sent in. */
function canonicalJson(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as FormValue)}`);
  return `{${entries.join(",")}}`;
}
