import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url().optional())
  .optional();

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const DEV_ENCRYPTION_KEY = Buffer.alloc(32, "primestore-dev").toString("base64");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Owner connection: migrations and seed. Unset locally: the launcher starts embedded PostgreSQL. */
  DATABASE_URL: optionalUrl,
  /** Row-level-security-bound role the apps use. Derived from DATABASE_URL when unset. */
  DATABASE_APP_URL: optionalUrl,
  /** BYPASSRLS role for platform staff and cross-tenant schedulers. Derived when unset. */
  DATABASE_ADMIN_URL: optionalUrl,
  /** Read replica for catalog reads; falls back to the app connection. */
  DATABASE_READ_URL: optionalUrl,
  APP_DB_PASSWORD: z.string().min(8).default("primestore_app_dev"),
  ADMIN_DB_PASSWORD: z.string().min(8).default("primestore_admin_dev"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Unset: BullMQ runs on its PostgreSQL backend and caches live in memory. */
  REDIS_URL: optionalUrl,
  SESSION_SECRET: z.string().min(32).default("dev-only-session-secret-change-me-in-production"),
  PLATFORM_DOMAIN: z.string().min(1).default("localhost"),
  STOREFRONT_PORT: port.default(3000),
  PORTAL_PORT: port.default(3001),
  DATA_DIR: z.string().min(1).default(".data"),
  MAIL_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** How often the worker resumes payouts a crash or an outage left open (ms); tests shorten it. */
  PAYOUTS_RESUME_MS: z.coerce.number().int().min(200).default(300_000),
  /** ViaCEP-compatible address lookup by CEP at checkout (`{url}/{cep}/json/`); empty disables it. */
  CEP_LOOKUP_URL: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/ })]))
    .default("https://viacep.com.br/ws"),
  /**
   * The built-in sandbox's "simulate payment" buttons: buyers could mark their own orders paid,
   * so they are off in production unless a demo or staging deployment turns them on.
   */
  PAYMENTS_SANDBOX: z.enum(["on", "off"]).optional(),
  /**
   * AES-256 key (base64, 32 bytes) for tenants' provider credentials at rest. The default is a
   * development key; production refuses to start with it.
   */
  PAYMENTS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64")
    .default(DEV_ENCRYPTION_KEY),
  /** Where providers reach our webhooks and send sellers back after connecting (scheme://host[:port]). */
  PUBLIC_URL: optionalUrl,
  /** The seller portal's public address, where providers send sellers back after connecting. */
  PORTAL_PUBLIC_URL: optionalUrl,
  /** Stripe: platform secret key and the webhook endpoint's signing secret; the API URL only for local fakes. */
  STRIPE_SECRET_KEY: optionalSecret,
  STRIPE_WEBHOOK_SECRET: optionalSecret,
  STRIPE_API_URL: optionalUrl,
  /** The publishable key Stripe.js runs with in shoppers' browsers: set, checkout shows Stripe's Payment Element. */
  STRIPE_PUBLISHABLE_KEY: optionalSecret.pipe(z.string().regex(/^pk_(test|live)_\w+$/, "a Stripe publishable key (pk_test_... or pk_live_...)").optional()),
  /** Stripe.js and MercadoPago.js from elsewhere than the providers' CDNs: local fakes in browser tests. */
  STRIPE_JS_URL: optionalUrl,
  MERCADOPAGO_JS_URL: optionalUrl,
  /** Mercado Pago: the platform application (OAuth client) and its webhook secret. */
  MERCADOPAGO_ACCESS_TOKEN: optionalSecret,
  MERCADOPAGO_CLIENT_ID: optionalSecret,
  MERCADOPAGO_CLIENT_SECRET: optionalSecret,
  MERCADOPAGO_WEBHOOK_SECRET: optionalSecret,
  MERCADOPAGO_API_URL: optionalUrl,
  MERCADOPAGO_AUTH_URL: optionalUrl,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid environment:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function parseOrThrow<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const env = parseOrThrow(envSchema, source);
  if (env.NODE_ENV === "production" && env.SESSION_SECRET === envSchema.shape.SESSION_SECRET.parse(undefined)) {
    throw new EnvError(["SESSION_SECRET: must be set in production"]);
  }
  if (env.NODE_ENV === "production" && env.PAYMENTS_ENCRYPTION_KEY === DEV_ENCRYPTION_KEY) {
    throw new EnvError(["PAYMENTS_ENCRYPTION_KEY: must be set in production"]);
  }
  return env;
}

export function paymentsSandboxEnabled(env: Env): boolean {
  return env.PAYMENTS_SANDBOX ? env.PAYMENTS_SANDBOX === "on" : env.NODE_ENV !== "production";
}

/** What a web app's HTTP server needs before it loads the app, which validates the rest. */
export const serverEnvSchema = z.object({
  NODE_ENV: envSchema.shape.NODE_ENV,
  /** Set by the launcher, the platform's test harness or the deployment; unset: the app's own port. */
  PORT: port.optional(),
  /** The interface to listen on; unset: all of them. */
  HOST: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .optional(),
  /**
   * Server processes per app (Heroku's and Render's name for it): one per core the app may use.
   * Each has its own database pool of DATABASE_POOL_SIZE connections.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Requests each server process works on at once; beyond, 503 with Retry-After at once rather
   * than a queue that answers too late. Around what a process finishes in a second or two.
   */
  WEB_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export function serverEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  return parseOrThrow(serverEnvSchema, source);
}

let cached: Env | undefined;

/** The process environment, validated once; boot fails fast with every problem listed. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Swap the credentials of a PostgreSQL URL, keeping host, port, database and options. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

export const APP_DB_ROLE = "primestore_app";
export const ADMIN_DB_ROLE = "primestore_admin";

export interface DatabaseUrls {
  owner: string;
  app: string;
  admin: string;
  read: string;
}

export function databaseUrls(current: Env = env()): DatabaseUrls {
  if (!current.DATABASE_URL) {
    throw new EnvError(["DATABASE_URL: required here (the launcher sets it when it starts embedded PostgreSQL)"]);
  }
  const app = current.DATABASE_APP_URL ?? withCredentials(current.DATABASE_URL, APP_DB_ROLE, current.APP_DB_PASSWORD);
  return {
    owner: current.DATABASE_URL,
    app,
    admin: current.DATABASE_ADMIN_URL ?? withCredentials(current.DATABASE_URL, ADMIN_DB_ROLE, current.ADMIN_DB_PASSWORD),
    read: current.DATABASE_READ_URL ?? app,
  };
}
