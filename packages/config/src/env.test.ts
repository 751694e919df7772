import { describe, expect, it } from "vitest";
import { databaseUrls, EnvError, parseEnv, serverEnv } from "./index.ts";

describe("environment", () => {
  it("applies defaults for a zero-config start", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ STOREFRONT_PORT: 3000, PORTAL_PORT: 3001, PLATFORM_DOMAIN: "localhost" });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("lists every invalid variable at once", () => {
    const error = (() => {
      try {
        parseEnv({ STOREFRONT_PORT: "http", DATABASE_URL: "not a url", LOG_LEVEL: "loud" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain("STOREFRONT_PORT");
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("LOG_LEVEL");
  });

  it("refuses the development session secret in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
  });

  it("refuses the development credentials key in production, and keys that aren't 32 bytes", () => {
    const secret = "a-production-session-secret-that-is-long";
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret })).toThrow(/PAYMENTS_ENCRYPTION_KEY/);
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: secret, PAYMENTS_ENCRYPTION_KEY: key }).PAYMENTS_ENCRYPTION_KEY).toBe(key);
    expect(() => parseEnv({ PAYMENTS_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/32 bytes/);
  });

  it("derives the app and admin role URLs from the owner URL", () => {
    const urls = databaseUrls(parseEnv({ DATABASE_URL: "postgresql://owner:secret@db.internal:6432/shop?sslmode=require" }));
    expect(urls.app).toBe("postgresql://primestore_app:primestore_app_dev@db.internal:6432/shop?sslmode=require");
    expect(urls.admin).toMatch(/^postgresql:\/\/primestore_admin:/);
    expect(urls.read).toBe(urls.app);
  });

  it("explains a missing DATABASE_URL", () => {
    expect(() => databaseUrls(parseEnv({}))).toThrow(/DATABASE_URL: required/);
  });

  it("looks CEPs up on ViaCEP by default, elsewhere when set, and not at all when empty", () => {
    expect(parseEnv({}).CEP_LOOKUP_URL).toBe("https://viacep.com.br/ws");
    expect(parseEnv({ CEP_LOOKUP_URL: "http://127.0.0.1:9999/ws" }).CEP_LOOKUP_URL).toBe("http://127.0.0.1:9999/ws");
    expect(parseEnv({ CEP_LOOKUP_URL: "" }).CEP_LOOKUP_URL).toBe("");
    expect(() => parseEnv({ CEP_LOOKUP_URL: "viacep" })).toThrow(/CEP_LOOKUP_URL/);
  });
});

describe("serverEnv", () => {
  it("runs one server process on the app's own port unless told otherwise", () => {
    expect(serverEnv({})).toEqual({ NODE_ENV: "development", WEB_CONCURRENCY: 1, WEB_MAX_IN_FLIGHT: 256 });
    expect(serverEnv({ WEB_CONCURRENCY: "2", WEB_MAX_IN_FLIGHT: "64", PORT: "8080", HOST: " " })).toEqual({
      NODE_ENV: "development",
      WEB_CONCURRENCY: 2,
      WEB_MAX_IN_FLIGHT: 64,
      PORT: 8080,
      HOST: undefined,
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => serverEnv({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => serverEnv({ PORT: "http" })).toThrow(/PORT/);
  });
});
