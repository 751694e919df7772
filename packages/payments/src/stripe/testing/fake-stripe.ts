import { createServer, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { completeOnboarding, createAccount, createAccountLink, createTransfer, retrieveAccount, updateAccount } from "./fake-connect.ts";
import {
  authenticatePaymentIntent,
  closeDispute,
  createPaymentIntent,
  createRefund,
  listDisputes,
  listPaymentIntents,
  listRefunds,
  openDispute,
  retrievePaymentIntent,
} from "./fake-payments.ts";
import { createConfirmationToken, fakeStripeJs } from "./fake-stripe-js.ts";
import { createPayout, listPayouts, type PayoutBehaviour, retrievePayout, settlePayout } from "./fake-payouts.ts";
import { FakeStripeError, type FakeStripeErrorBody } from "./fake-stripe-error.ts";
import { adjustBalance, balanceOf, createFakeStripeState, type FakeDispute, type FakePayout, type FakeStripeState, newId, unixNow } from "./fake-stripe-state.ts";
import { type FormParams, type FormValue, parseFormParams } from "./form-params.ts";

export { fakeCardFee } from "./fake-payments.ts";
export type {
  FakeAccount,
  FakeBalanceTransaction,
  FakeCharge,
  FakeDispute,
  FakePaymentIntent,
  FakePayout,
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
  /** The `Stripe-Account` header: the connected account the request acts on (the SDK's `stripeAccount`). */
  stripeAccount?: string;
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
  /** Its Stripe.js (`${url}/v3/`), for browsers: the Payment Element and 3-D Secure against this fake. */
  jsUrl: string;
  requests: RecordedRequest[];
  state: FakeStripeState;
  /**
   * The next request to `path` is carried out (objects created, its idempotency key stored), then
   * its connection is destroyed without an answer: the "Stripe charged, we never heard" case.
   * Each call drops one more request.
   */
  dropNextResponse(path: string): void;
  /** Stripe prunes idempotency keys once they are 24 hours old: every key stored so far is forgotten. */
  forgetIdempotencyKeys(): void;
  /** An Express account as our onboarding creates it (requesting `transfers`, manual payouts), onboarded (transfers active, payouts enabled) unless told otherwise. */
  createConnectedAccount(options?: { onboarded?: boolean }): string;
  completeOnboarding(accountId: string): void;
  /** A connected account's balance in `currency`, in minor units: what a payout from it may take. */
  balanceOf(accountId: string, currency: string): number;
  /** Puts money in a connected account's balance, for tests whose money never came through a charge. */
  creditBalance(accountId: string, currency: string, amount: number): void;
  /** While on, new payouts stay `in_transit` until `settlePayout`; off (the default), they are `paid` at once. */
  payoutsInTransit(on: boolean): void;
  /** The bank's answer to a payout in transit, or its return of a paid one; a failed one's money returns to the account's balance. */
  settlePayout(payoutId: string, outcome: { status: "paid" } | { status: "failed"; failureCode?: string; failureMessage?: string }): FakePayout;
  /** What its Stripe.js makes of a test card number typed into the Payment Element (expiry next year, CVC 123): a ConfirmationToken id. */
  confirmationToken(cardNumber: string): string;
  /** The shopper answers the 3-D Secure challenge of an intent in `requires_action`, as its Stripe.js handleNextAction would. */
  answerChallenge(paymentIntentId: string, outcome: "complete" | "fail"): void;
  /** The bank disputes the payment's successful charge (the amount defaults to the whole charge). */
  openDispute(paymentIntentId: string, dispute: { status: FakeDispute["status"]; amount?: number }): FakeDispute;
  /** The bank decides an open dispute: a lost one is charged back (its amount counts in the payment's lost disputes). */
  closeDispute(disputeId: string, status: "won" | "lost"): FakeDispute;
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

interface RouteContext {
  state: FakeStripeState;
  params: FormParams;
  id: string;
  baseUrl: string;
  stripeAccount: string | undefined;
  payouts: PayoutBehaviour;
}

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  /** Acts on the connected account a `Stripe-Account` header names; other routes refuse the header. */
  connect?: true;
  /** Called by Stripe.js in a shopper's browser, with the publishable key instead of the secret one. */
  publishable?: true;
  handle(context: RouteContext): unknown;
}

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/confirmation_tokens$/, publishable: true, handle: ({ state, params }) => createConfirmationToken(state, params) },
  // Not Stripe's API: the fake's 3-D Secure challenge page, answered by the shopper (see fake-stripe-js.ts).
  { method: "POST", pattern: /^\/v1\/payment_intents\/([^/]+)\/authenticate$/, publishable: true, handle: ({ state, params, id }) => authenticatePaymentIntent(state, id, params) },
  { method: "POST", pattern: /^\/v1\/payment_intents$/, handle: ({ state, params }) => createPaymentIntent(state, params) },
  { method: "GET", pattern: /^\/v1\/payment_intents$/, handle: ({ state, params }) => listPaymentIntents(state, params) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, handle: ({ state, params, id }) => retrievePaymentIntent(state, id, params) },
  { method: "POST", pattern: /^\/v1\/refunds$/, handle: ({ state, params }) => createRefund(state, params) },
  { method: "GET", pattern: /^\/v1\/refunds$/, handle: ({ state, params }) => listRefunds(state, params) },
  { method: "GET", pattern: /^\/v1\/disputes$/, handle: ({ state, params }) => listDisputes(state, params) },
  { method: "POST", pattern: /^\/v1\/transfers$/, handle: ({ state, params }) => createTransfer(state, params) },
  { method: "POST", pattern: /^\/v1\/accounts$/, handle: ({ state, params }) => createAccount(state, params) },
  { method: "GET", pattern: /^\/v1\/accounts\/([^/]+)$/, handle: ({ state, id }) => retrieveAccount(state, id) },
  { method: "POST", pattern: /^\/v1\/accounts\/([^/]+)$/, handle: ({ state, params, id }) => updateAccount(state, id, params) },
  { method: "POST", pattern: /^\/v1\/account_links$/, handle: ({ state, params, baseUrl }) => createAccountLink(state, params, baseUrl) },
  { method: "POST", pattern: /^\/v1\/payouts$/, connect: true, handle: ({ state, params, stripeAccount, payouts }) => createPayout(state, params, stripeAccount, payouts) },
  { method: "GET", pattern: /^\/v1\/payouts$/, connect: true, handle: ({ state, params, stripeAccount }) => listPayouts(state, params, stripeAccount) },
  { method: "GET", pattern: /^\/v1\/payouts\/([^/]+)$/, connect: true, handle: ({ state, id, stripeAccount }) => retrievePayout(state, id, stripeAccount) },
];

const errorAnswer = (status: number, error: FakeStripeErrorBody): Answer => ({ status, body: { error } });

/**
 * A stateful stand-in for api.stripe.com on 127.0.0.1, for the real SDK to talk to. It keeps what
 * it creates, honours `Idempotency-Key` like Stripe (same key and parameters: the stored answer,
 * nothing new; same key, other parameters or endpoint: 400 idempotency_error; only requests that
 * ran, successes and card declines, are stored; keys are scoped per `Stripe-Account`, the
 * platform's apart from each connected account's), records every request, and decides cards by
 * Stripe's test payment method ids (pm_card_visa, pm_card_chargeDeclined,
 * pm_card_chargeDeclinedInsufficientFunds, pm_card_authenticationRequired), or by the test card
 * numbers typed into its Stripe.js, which it serves at `/v3/`. Connected accounts
 * have balances: destination charges and transfers credit them, transfer reversals and payouts
 * (made with `Stripe-Account`) debit them.
 */
export async function startFakeStripe(): Promise<FakeStripe> {
  const state = createFakeStripeState();
  const requests: RecordedRequest[] = [];
  const idempotent = new Map<string, StoredAnswer>();
  const drops: string[] = [];
  const payouts: PayoutBehaviour = { inTransit: false };
  let baseUrl = "";

  function answer(record: RecordedRequest): Answer {
    const route = ROUTES.find((candidate) => candidate.method === record.method && candidate.pattern.test(record.path));
    const keyPattern = route?.publishable ? /^Bearer pk_test_\w+$/ : /^Bearer sk_test_\w+$/;
    if (!keyPattern.test(record.headers.authorization ?? "")) {
      return errorAnswer(401, { type: "invalid_request_error", message: "Invalid API Key provided" });
    }
    if (!route) return errorAnswer(404, { type: "invalid_request_error", message: `Unrecognized request URL (${record.method}: ${record.path})` });
    if (record.stripeAccount !== undefined && !route.connect) {
      return errorAnswer(400, { type: "invalid_request_error", message: `The fake doesn't model ${record.method} ${record.path} on a connected account (Stripe-Account).` });
    }
    // Stripe keeps each account's keys apart: the same key on two accounts is two requests.
    const key = record.idempotencyKey === undefined ? undefined : `${record.stripeAccount ?? ""} ${record.idempotencyKey}`;
    const fingerprint = canonicalJson(record.params);
    const stored = key === undefined ? undefined : idempotent.get(key);
    if (stored && (stored.path !== record.path || stored.fingerprint !== fingerprint)) {
      return errorAnswer(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${record.idempotencyKey}' if you meant to execute a different request.`,
      });
    }
    if (stored) return { status: stored.status, body: stored.body, replayed: true };

    const id = decodeURIComponent(route.pattern.exec(record.path)?.[1] ?? "");
    const result = run(() => route.handle({ state, params: record.params, id, baseUrl, stripeAccount: record.stripeAccount, payouts }));
    // Stripe keeps the result of a request that ran, decline included, but not of one it refused.
    if (key !== undefined && (result.status === 200 || result.status === 402)) idempotent.set(key, { ...result, path: record.path, fingerprint });
    return result;
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", baseUrl);
    const method = request.method ?? "GET";
    // Stripe.js calls from the storefront's origin: the browser asks first (CORS preflight).
    response.setHeader("access-control-allow-origin", "*");
    if (method === "OPTIONS") {
      response.writeHead(204, { "access-control-allow-headers": "authorization, content-type", "access-control-allow-methods": "GET, POST" }).end();
      return;
    }
    if (method === "GET" && url.pathname === "/v3/") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(fakeStripeJs(baseUrl));
      return;
    }
    const onboarding = /^\/setup\/e\/(acct_[^/]+)\//.exec(url.pathname);
    if (method === "GET" && onboarding) {
      // Stripe's hosted onboarding, as a browser meets it: the seller fills the forms and is sent back.
      completeOnboarding(state, onboarding[1]!);
      response.writeHead(302, { location: url.searchParams.get("return_url") ?? "/" }).end();
      return;
    }
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
      ...(headers["stripe-account"] ? { stripeAccount: headers["stripe-account"] } : {}),
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
    jsUrl: `${baseUrl}/v3/`,
    requests,
    state,
    dropNextResponse: (path) => drops.push(path),
    forgetIdempotencyKeys: () => idempotent.clear(),
    createConnectedAccount({ onboarded = true } = {}) {
      const account = createAccount(state, { type: "express", capabilities: { transfers: { requested: "true" } }, settings: { payouts: { schedule: { interval: "manual" } } } });
      if (onboarded) completeOnboarding(state, account.id);
      return account.id;
    },
    completeOnboarding: (accountId) => void completeOnboarding(state, accountId),
    balanceOf: (accountId, currency) => balanceOf(state, accountId, currency),
    creditBalance(accountId, currency, amount) {
      if (!state.accounts.has(accountId)) throw new Error(`No account ${accountId}`);
      if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`Credit a positive whole amount, not ${amount}`);
      adjustBalance(state, accountId, currency, amount);
    },
    payoutsInTransit: (on) => {
      payouts.inTransit = on;
    },
    settlePayout: (payoutId, outcome) => settlePayout(state, payoutId, outcome),
    openDispute: (paymentIntentId, dispute) => openDispute(state, paymentIntentId, dispute),
    closeDispute: (disputeId, status) => closeDispute(state, disputeId, status),
    confirmationToken: (number) =>
      createConfirmationToken(state, {
        payment_method_data: { type: "card", card: { number, exp_month: "12", exp_year: String(new Date().getUTCFullYear() + 1), cvc: "123" } },
      }).id,
    answerChallenge(paymentIntentId, outcome) {
      const clientSecret = state.paymentIntents.get(paymentIntentId)?.client_secret ?? "";
      authenticatePaymentIntent(state, paymentIntentId, { client_secret: clientSecret, outcome });
    },
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
