import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMemoryCache } from "@primestore/core/cache";
import { createPostalCodeLookup } from "@primestore/core/shipping";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerFor, rejection, seededApi } from "./testing/index.ts";

const seeded = seededApi();

/** A local stand-in for ViaCEP: a few known CEPs, one that fails and one that answers too late. */
const requests: string[] = [];
let server: Server;
let baseUrl: string;

function answer(req: IncomingMessage): { status: number; body: unknown; delayMs?: number } {
  switch (req.url) {
    case "/ws/01310100/json/":
      return { status: 200, body: { cep: "01310-100", logradouro: "Avenida Paulista", complemento: "de 612 a 1510 - lado par", bairro: "Bela Vista", localidade: "São Paulo", uf: "SP", ibge: "3550308" } };
    case "/ws/99999999/json/":
      return { status: 200, body: { erro: true } };
    case "/ws/50000000/json/":
      return { status: 500, body: { message: "internal error" } };
    case "/ws/40000000/json/":
      return { status: 200, body: { cep: "40000-000", logradouro: "Rua Lenta", bairro: "Centro", localidade: "Salvador", uf: "BA" }, delayMs: 1000 };
    case "/ws/20000000/json/":
      return { status: 200, body: { cep: "20000-000", uf: "not a state" } };
    default:
      return { status: 404, body: {} };
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const { status, body, delayMs = 0 } = answer(req);
    const timer = setTimeout(() => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)), delayMs);
    res.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  requests.length = 0;
});

/** The storefront API with lookups on the fake service; a fresh cache per caller. */
async function storefront(options: { baseUrl?: string } = {}) {
  const postalCodes = createPostalCodeLookup({ baseUrl: options.baseUrl ?? baseUrl, cache: createMemoryCache(), timeoutMs: 200 });
  const { caller } = await callerFor({ ...seeded.deps, postalCodes }, "storefront", { host: "aurora.localhost" });
  return caller;
}

describe("orders.lookupPostalCode", () => {
  it("fills the address of a known CEP, written with or without the dash, and caches it", async () => {
    const caller = await storefront();
    const address = { line1: "Avenida Paulista", district: "Bela Vista", city: "São Paulo", region: "SP" };
    expect(await caller.orders.lookupPostalCode({ postalCode: "01310-100" })).toEqual(address);
    expect(await caller.orders.lookupPostalCode({ postalCode: " 01310100 " })).toEqual(address);
    expect(requests).toEqual(["/ws/01310100/json/"]);
  });

  it("answers null for a CEP the service doesn't know", async () => {
    const caller = await storefront();
    expect(await caller.orders.lookupPostalCode({ postalCode: "99999-999" })).toBeNull();
    expect(requests).toEqual(["/ws/99999999/json/"]);
  });

  it("answers null, not an error, when the service fails, is too slow or answers nonsense", async () => {
    const caller = await storefront();
    expect(await caller.orders.lookupPostalCode({ postalCode: "50000-000" })).toBeNull();
    const started = Date.now();
    expect(await caller.orders.lookupPostalCode({ postalCode: "40000-000" })).toBeNull();
    expect(Date.now() - started).toBeLessThan(900);
    expect(await caller.orders.lookupPostalCode({ postalCode: "20000-000" })).toBeNull();
    expect(requests).toEqual(["/ws/50000000/json/", "/ws/40000000/json/", "/ws/20000000/json/"]);
    // Failures aren't cached: the next shopper asks again.
    expect(await caller.orders.lookupPostalCode({ postalCode: "50000-000" })).toBeNull();
    expect(requests).toHaveLength(4);
  });

  it("answers null when the service is unreachable", async () => {
    const caller = await storefront({ baseUrl: await closedPortUrl() });
    expect(await caller.orders.lookupPostalCode({ postalCode: "01310-100" })).toBeNull();
  });

  it("asks nothing when lookups are disabled", async () => {
    const caller = await storefront({ baseUrl: "" });
    expect(await caller.orders.lookupPostalCode({ postalCode: "01310-100" })).toBeNull();
    expect(requests).toEqual([]);
  });

  it("rejects what isn't a CEP without calling the service", async () => {
    const caller = await storefront();
    for (const postalCode of ["0131010", "01310-1000", "ABCDE-FGH", "", "01310 100"]) {
      const error = await rejection(caller.orders.lookupPostalCode({ postalCode }));
      expect([error.code, error.message]).toEqual(["BAD_REQUEST", "VALIDATION"]);
    }
    expect(requests).toEqual([]);
  });
});

/** A URL on a port nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/ws`;
}
