import type { Cache } from "@primestore/core/cache";
import { getSessionCustomer, getSessionUser, type SessionCustomer, type SessionUser } from "@primestore/core/auth";
import { normalizeHost, type TenantInfo, type TenantResolver } from "@primestore/core/tenants";
import type { QueueHealth } from "@primestore/jobs/health";
import type { Db } from "@primestore/db";
import type { PaymentGateway } from "@primestore/core/payments";
import type { PostalCodeLookup } from "@primestore/core/shipping";
import { readCookie, secureCookies } from "./cookies.ts";

export const SESSION_COOKIE = "ps_session";
export const CUSTOMER_COOKIE = "ps_customer";
/** A guest's cart token (only its hash is stored); set when their first add creates the cart. */
export const CART_COOKIE = "ps_cart";
/** Portal requests name the store they act on; membership is checked per procedure. */
export const STORE_HEADER = "x-primestore-store";

/** Long-lived services shared by every request of a process. */
export interface ApiDeps {
  db: Db;
  /** Catalog reads: a replica when DATABASE_READ_URL is set, else the same client as `db`. */
  readDb: Db;
  /** Shared cache: Redis when configured, process memory otherwise. */
  cache: Cache;
  /** BYPASSRLS: platform staff procedures only. */
  adminDb: Db;
  tenants: TenantResolver;
  /** The payment providers configured here, the key sealing stores' credentials, our public URL. */
  payments: PaymentGateway;
  /** Whether sandbox payments may be settled by their buyer (the status page's test buttons). */
  paymentsSandbox: boolean;
  /** Address by Brazilian CEP at checkout; best effort, null on any failure. */
  postalCodes: PostalCodeLookup;
  /** The queue backend's readiness; absent in tests that don't probe it. */
  queueHealth?: QueueHealth;
}

export interface Context {
  deps: ApiDeps;
  db: Db;
  host: string;
  /**
   * Scheme, host and port the request came in on, for links in emails. Its host is `host`, which
   * names the store (the tenant is resolved from it), so a forged header can't aim a link elsewhere.
   */
  origin: string;
  /** Storefront: the tenant of the Host header; portal: the store named by STORE_HEADER. */
  tenant: TenantInfo | null;
  storeSlug: string | null;
  sessionToken: string | null;
  customerToken: string | null;
  cartToken: string | null;
  user(): Promise<SessionUser | null>;
  /** The storefront's signed-in customer, looked up once per request however many procedures ask. */
  customer(): Promise<SessionCustomer | null>;
  resHeaders: Headers;
}

export interface ContextOptions {
  req: Request;
  resHeaders: Headers;
}

/** HTTPS wherever cookies are Secure; the port is kept only when the Host header is well-formed. */
function requestOrigin(req: Request, rawHost: string | null, host: string): string {
  const scheme = secureCookies() ? "https" : (req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(req.url).protocol.slice(0, -1));
  const authority = rawHost && /^[a-z0-9.-]+(:\d{1,5})?$/i.test(rawHost.trim()) ? rawHost.trim().toLowerCase() : host;
  return `${scheme === "https" ? "https" : "http"}://${authority}`;
}

export function createContextFactory(deps: ApiDeps, kind: "storefront" | "portal") {
  return async ({ req, resHeaders }: ContextOptions): Promise<Context> => {
    const rawHost = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    const host = normalizeHost(rawHost);
    const sessionToken = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
    const storeSlug = kind === "portal" ? req.headers.get(STORE_HEADER) : null;
    const tenant = kind === "storefront" ? await deps.tenants.byHost(host) : null;
    let user: Promise<SessionUser | null> | undefined;
    let customer: Promise<SessionCustomer | null> | undefined;
    const customerToken = readCookie(req.headers.get("cookie"), CUSTOMER_COOKIE);
    return {
      deps,
      db: deps.db,
      host,
      origin: requestOrigin(req, rawHost, host),
      tenant,
      storeSlug,
      sessionToken,
      customerToken,
      cartToken: readCookie(req.headers.get("cookie"), CART_COOKIE),
      user: () => (user ??= getSessionUser(deps.db, sessionToken)),
      customer: () => (customer ??= tenant ? getSessionCustomer(deps.db, tenant.id, customerToken) : Promise.resolve(null)),
      resHeaders,
    };
  };
}
