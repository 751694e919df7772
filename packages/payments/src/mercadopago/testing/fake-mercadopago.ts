import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeCardTokens } from "./fake-card-tokens.ts";
import { fakeInstallments, offersInstallments, paidInInstallments } from "./fake-installments.ts";
import { fakeMercadoPagoJs } from "./fake-mercadopago-js.ts";
import { createFakeOAuth } from "./fake-oauth.ts";
import { type FakePayment, type FakeResponse, type StoredPayment, apiError, approve, createFakePayment, refundFakePayment, searchFakePayments } from "./fake-payments.ts";

export { FAKE_CARD_TOKENS, type FakePayment, type StoredPayment } from "./fake-payments.ts";

export interface RecordedRequest {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  /** Lowercased names, as node:http gives them. */
  headers: Record<string, string>;
  body: unknown;
}

/** A webhook as MP would POST it: what the provider's parseWebhook takes. */
export interface FakeNotification {
  url: URL;
  headers: Headers;
  rawBody: string;
}

export interface FakeMercadoPagoOptions {
  clientId?: string;
  clientSecret?: string;
  webhookSecret?: string;
}

/**
 * A stateful stand-in for api.mercadopago.com, for the SDK to talk to over real HTTP. Payments
 * live in the account of the token that created them (another seller's token gets 404 and won't
 * find them searching, like MP),
 * creations and refunds require X-Idempotency-Key and a repeated key answers with the first
 * result, and every request is recorded for tests to assert on what was sent.
 */
export async function startFakeMercadoPago(options: FakeMercadoPagoOptions = {}) {
  const webhookSecret = options.webhookSecret ?? "fake-webhook-secret";
  const oauth = createFakeOAuth({ clientId: options.clientId ?? "fake-client-id", clientSecret: options.clientSecret ?? "fake-client-secret" });
  const cardTokens = createFakeCardTokens(oauth.accountOfPublicKey);
  const requests: RecordedRequest[] = [];
  const payments = new Map<string, StoredPayment>();
  /** `${account} ${path} ${key}` -> what that first request answered. */
  const idempotent = new Map<string, FakeResponse>();
  const drops = new Map<string, number>();
  let nextId = 1_310_000_001;
  let nextEventId = 120_000_000_001;
  let nextSellerId = 90_001;

  function ownPayment(account: string, id: string): StoredPayment | undefined {
    const stored = payments.get(id);
    return stored?.account === account ? stored : undefined;
  }

  /** Runs a creation once per idempotency key; a replay gets the first answer, with the payment as it is now. */
  function once(account: string, path: string, key: string | undefined, create: () => FakeResponse): FakeResponse {
    if (!key) return apiError(400, "Header X-Idempotency-Key can't be null", "bad_request");
    const scope = `${account} ${path} ${key}`;
    const first = idempotent.get(scope) ?? create();
    idempotent.set(scope, first);
    return first;
  }

  function route(method: string, url: URL, headers: IncomingMessage["headers"], body: unknown): FakeResponse {
    if (method === "POST" && url.pathname === "/oauth/token") return oauth.token(body);
    // MercadoPago.js, in a shopper's browser, authenticates with the seller's public key.
    if (method === "POST" && url.pathname === "/v1/card_tokens") return cardTokens.create(url.searchParams.get("public_key"), body, new Date());
    if (method === "GET" && url.pathname === "/v1/payment_methods/search") return cardTokens.search(url.searchParams.get("public_key"), url.searchParams.get("bins"));
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1];
    if (!token) return apiError(401, "invalid access token", "unauthorized");
    const account = oauth.accountOf(token);
    if (!account) return apiError(401, "invalid access token", "unauthorized");
    const key = headers["x-idempotency-key"] as string | undefined;
    const now = new Date();
    if (method === "GET" && url.pathname === "/v1/payment_methods/installments") return fakeInstallments(url.searchParams);
    if (method === "POST" && url.pathname === "/v1/payments") {
      if (!offersInstallments((body as { installments?: unknown } | null)?.installments)) return apiError(400, "Invalid installments", "invalid_installments");
      return once(account, url.pathname, key, () => {
        const created = createFakePayment(nextId++, account, body, now, (cardToken) => cardTokens.redeem(cardToken, account));
        if ("body" in created) return created;
        // The payer pays MP's installment interest on top of the price.
        if (created.payment.payment_type_id === "credit_card") Object.assign(created.payment.transaction_details, paidInInstallments(created.amount, created.payment.installments));
        payments.set(String(created.payment.id), created);
        return { status: 201, body: created.payment };
      });
    }
    if (method === "GET" && url.pathname === "/v1/payments/search") {
      return searchFakePayments([...payments.values()].filter((stored) => stored.account === account), url.searchParams);
    }
    const [, paymentId, refunds] = /^\/v1\/payments\/(\d+)(\/refunds)?$/.exec(url.pathname) ?? [];
    const read = method === "GET" && !refunds;
    const refund = method === "POST" && refunds;
    if (!paymentId || !(read || refund)) return apiError(404, `${method} ${url.pathname} not found`, "not_found");
    const stored = ownPayment(account, paymentId);
    if (!stored) return apiError(404, "Payment not found", "not_found");
    if (read) return { status: 200, body: stored.payment };
    return once(account, url.pathname, key, () => {
      const created = refundFakePayment(stored, nextId++, body, now);
      return "body" in created ? created : { status: 201, body: created };
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake.mercadopago");
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const method = request.method ?? "GET";
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    requests.push({ method, path: `${url.pathname}${url.search}`, headers, body });
    // MercadoPago.js calls from the storefront's origin: the browser asks first (CORS preflight).
    response.setHeader("access-control-allow-origin", "*");
    if (method === "OPTIONS") {
      response.writeHead(204, { "access-control-allow-headers": "content-type", "access-control-allow-methods": "GET, POST" }).end();
      return;
    }
    if (method === "GET" && url.pathname === "/js/v2") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(fakeMercadoPagoJs(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      return;
    }
    if (method === "GET" && url.pathname === "/authorization") {
      response.writeHead(302, { location: authorizationAnswer(url.searchParams) }).end();
      return;
    }
    const answer = typeof body === "string" ? apiError(400, "body must be JSON") : route(method, url, request.headers, body);
    const dropsLeft = drops.get(url.pathname) ?? 0;
    if (dropsLeft > 0) {
      // The request was handled (a payment may now exist); the caller just never hears about it.
      drops.set(url.pathname, dropsLeft - 1);
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: String(error), status: 500 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  /**
   * auth.mercadopago.com's consent page, as a browser meets it: a new seller "allows" our app and
   * is sent back to redirect_uri with a one-time code and the state we sent.
   */
  function authorizationAnswer(query: URLSearchParams): string {
    const back = new URL(query.get("redirect_uri") ?? "");
    back.searchParams.set("code", oauth.authorize(nextSellerId++, back.toString()));
    back.searchParams.set("state", query.get("state") ?? "");
    return back.toString();
  }

  function stored(id: string): StoredPayment {
    const found = payments.get(id);
    if (!found) throw new Error(`The fake has no payment ${id}`);
    return found;
  }

  /** MP's signature: HMAC-SHA256 over `id:<data.id>;request-id:<x-request-id>;ts:<ts>;`, alphanumeric ids lowercased. */
  function signNotification(input: { dataId: string; requestId: string; ts?: string; secret?: string }): Record<string, string> {
    const ts = input.ts ?? String(Math.floor(Date.now() / 1000));
    const dataId = /^[a-z0-9]+$/i.test(input.dataId) ? input.dataId.toLowerCase() : input.dataId;
    const manifest = `id:${dataId};request-id:${input.requestId};ts:${ts};`;
    const v1 = createHmac("sha256", input.secret ?? webhookSecret).update(manifest).digest("hex");
    return { "x-signature": `ts=${ts},v1=${v1}`, "x-request-id": input.requestId };
  }

  function deliver(url: URL, body: { data: { id: string } }, delivery: { requestId?: string; ts?: string }): FakeNotification {
    const signature = signNotification({ dataId: body.data.id, requestId: delivery.requestId ?? randomUUID(), ts: delivery.ts });
    return { url, headers: new Headers({ "content-type": "application/json", ...signature }), rawBody: JSON.stringify(body) };
  }

  return {
    url,
    port,
    /** Its MercadoPago.js (`${url}/js/v2`), for browsers: secure card fields and card tokens against this fake. */
    jsUrl: `${url}/js/v2`,
    requests,
    payments,
    webhookSecret,
    /** Moves a payment the way the payer or MP would (a PIX paid, a dispute lost...). */
    setPaymentStatus(id: string, status: string, statusDetail?: string): FakePayment {
      const target = stored(id);
      Object.assign(target.payment, { status, status_detail: statusDetail ?? (status === "approved" ? "accredited" : status), date_last_updated: new Date().toISOString() });
      if (status === "approved") approve(target, new Date());
      return target.payment;
    },
    /** MP releasing a payment's money to the seller, holding it past its date (a dispute), or moving the date. */
    setMoneyRelease(id: string, release: { status: "pending" | "released"; date?: Date }): FakePayment {
      const { payment } = stored(id);
      if (!payment.money_release_date) throw new Error(`The fake's payment ${id} has no money to release: it was never approved`);
      payment.money_release_status = release.status;
      if (release.date) payment.money_release_date = release.date.toISOString();
      payment.date_last_updated = new Date().toISOString();
      return payment;
    },
    /** The next request to `path` is handled (state changes) but its connection drops before any answer. */
    dropNextResponse(path: string): void {
      drops.set(path, (drops.get(path) ?? 0) + 1);
    },
    /** The seller allowing our app on auth.mercadopago.com: the code MP sends back to redirect_uri. */
    authorizeSeller: oauth.authorize,
    /** The seller removing our app on mercadopago.com.br: their tokens are refused from then on (401). */
    revokeSeller: oauth.revoke,
    signNotification,
    /** A new event about a payment, to its notification_url with MP's `data.id` and `type` added. */
    notification(paymentId: string, event: { action?: string; requestId?: string; ts?: string } = {}): FakeNotification {
      const target = stored(paymentId);
      const to = new URL(target.payment.notification_url ?? `${url}/webhooks/mercadopago`);
      to.searchParams.set("data.id", paymentId);
      to.searchParams.set("type", "payment");
      const body = {
        id: nextEventId++,
        live_mode: false,
        type: "payment",
        date_created: new Date().toISOString(),
        user_id: target.account,
        api_version: "v1",
        action: event.action ?? "payment.updated",
        data: { id: paymentId },
      };
      return deliver(to, body, event);
    },
    /** MP retrying a notification nobody acknowledged: same event, a new request id and timestamp. */
    redeliver(notification: FakeNotification, delivery: { requestId?: string; ts?: string } = {}): FakeNotification {
      return deliver(notification.url, JSON.parse(notification.rawBody), delivery);
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type FakeMercadoPago = Awaited<ReturnType<typeof startFakeMercadoPago>>;
