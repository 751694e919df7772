import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebServer, type FetchHandler, type WebServerOptions } from "./server.ts";
import { StaticFiles } from "./static-files.ts";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let server: http.Server | undefined;

async function serve(handler: FetchHandler, options: Omit<WebServerOptions, "handler" | "name"> = {}): Promise<number> {
  server = createWebServer({ name: "test", handler, ...options });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function request(port: number, path: string, options: http.RequestOptions & { body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const page = "<p>Camiseta de algodão orgânico</p>".repeat(200);
/** A body handed over in many small pieces within one turn of the event loop, as React renders. */
const chunkedAtOnce = (text: string, size = 100) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < text.length; i += size) controller.enqueue(new TextEncoder().encode(text.slice(i, i + size)));
      controller.close();
    },
  });

describe("answers from the app", () => {
  it("sends a body ready at once as one response with its length", async () => {
    const port = await serve(async () => new Response(chunkedAtOnce(page), { headers: { "Content-Type": "text/html" } }));
    const answer = await request(port, "/products/camiseta");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(page)));
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe(page);
  });

  it("compresses pages for clients that accept it, with brotli first", async () => {
    const port = await serve(async () => new Response(chunkedAtOnce(page), { headers: { "Content-Type": "text/html", Vary: "Cookie" } }));
    const br = await request(port, "/", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Cookie, Accept-Encoding");
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(page);
    const gzip = await request(port, "/", { headers: { "Accept-Encoding": "gzip" } });
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(page);
    const plain = await request(port, "/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
  });

  it("leaves small bodies and binary types uncompressed", async () => {
    const port = await serve(async (req) =>
      new URL(req.url).pathname === "/tiny"
        ? new Response("ok", { headers: { "Content-Type": "text/plain" } })
        : new Response(new Uint8Array(4096), { headers: { "Content-Type": "image/png" } }),
    );
    for (const path of ["/tiny", "/image"]) {
      const answer = await request(port, path, { headers: { "Accept-Encoding": "br" } });
      expect(answer.headers["content-encoding"]).toBeUndefined();
    }
  });

  it("streams a body that arrives over time as it arrives, compressed or not", async () => {
    let release: () => void = () => undefined;
    const port = await serve(async () => {
      const later = new Promise<void>((resolve) => (release = resolve));
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(`<html>${page}`));
          await later;
          controller.enqueue(new TextEncoder().encode("<script>deferred()</script></html>"));
          controller.close();
        },
      });
      return new Response(body, { headers: { "Content-Type": "text/html" } });
    });
    for (const encoding of ["identity", "gzip", "br"]) {
      // The rest is only written once the client has seen the first part: a server that held the
      // page back until it was complete would never answer.
      const answer = await new Promise<Buffer>((resolve) => {
        http.get({ host: "127.0.0.1", port, path: "/", headers: { "Accept-Encoding": encoding } }, (res) => {
          const decoded = encoding === "gzip" ? res.pipe(zlib.createGunzip()) : encoding === "br" ? res.pipe(zlib.createBrotliDecompress()) : res;
          const chunks: Buffer[] = [];
          decoded.on("data", (chunk: Buffer) => {
            chunks.push(chunk);
            if (chunks.length === 1) release();
          });
          decoded.on("end", () => resolve(Buffer.concat(chunks)));
        });
      });
      expect(answer.toString()).toBe(`<html>${page}<script>deferred()</script></html>`);
    }
  });

  it("keeps every Set-Cookie header and the status text", async () => {
    const port = await serve(async () => {
      const headers = new Headers({ Location: "/" });
      headers.append("Set-Cookie", "currency=USD; Path=/");
      headers.append("Set-Cookie", "locale=en; Path=/");
      return new Response(null, { status: 302, statusText: "Found", headers });
    });
    const answer = await request(port, "/preferences", { method: "POST" });
    expect(answer.status).toBe(302);
    expect(answer.headers["set-cookie"]).toEqual(["currency=USD; Path=/", "locale=en; Path=/"]);
  });

  it("hands the app the request's method, URL, headers and body", async () => {
    const port = await serve(async (req) =>
      Response.json({ method: req.method, url: req.url, language: req.headers.get("accept-language"), body: await req.text() }),
    );
    const answer = await request(port, "/cart?x=1", {
      method: "POST",
      headers: { Host: "aurora.localhost:3000", "Accept-Language": "pt-BR", "Content-Type": "application/x-www-form-urlencoded" },
      body: "quantity=2",
    });
    expect(JSON.parse(answer.body.toString())).toEqual({ method: "POST", url: "http://aurora.localhost:3000/cart?x=1", language: "pt-BR", body: "quantity=2" });
  });

  it("aborts the app's work when the client goes away, in the request and in its clones", async () => {
    const abortsSeen: Array<Promise<unknown>> = [];
    const port = await serve(
      (req) =>
        new Promise<Response>(() => {
          // Remix clones the request it is given; tRPC combines its signal with its own.
          for (const signal of [req.signal, req.clone().signal]) abortsSeen.push(new Promise((resolve) => signal.addEventListener("abort", resolve)));
        }),
    );
    const req = http.get({ host: "127.0.0.1", port, path: "/slow" });
    req.on("error", () => undefined);
    setTimeout(() => req.destroy(), 50);
    await expect.poll(() => abortsSeen.length).toBe(2);
    await Promise.all(abortsSeen);
  });

  it("answers 500 when the app throws, and 400 for a path no route could have", async () => {
    const port = await serve(async () => {
      throw new Error("boom");
    });
    const originalError = console.error;
    console.error = () => undefined;
    try {
      expect((await request(port, "/")).status).toBe(500);
    } finally {
      console.error = originalError;
    }
    expect((await request(port, "/%E0%A4%A")).status).toBe(400);
  });
});

describe("under more load than it can work on", () => {
  it("answers 503 with Retry-After in the shopper's language beyond its limit, and takes requests again once one finishes", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const port = await serve(
      async () => {
        started++;
        await held;
        return new Response("ok");
      },
      { maxInFlight: 2 },
    );
    const working = [request(port, "/checkout"), request(port, "/checkout")];
    await expect.poll(() => started).toBe(2);

    const shed = await request(port, "/checkout", { headers: { "accept-language": "es-AR,es;q=0.9" } });
    expect(shed.status).toBe(503);
    expect(shed.headers["retry-after"]).toBe("1");
    expect(shed.headers["cache-control"]).toBe("no-store");
    expect(shed.headers["content-language"]).toBe("es");
    expect(shed.body.toString()).toMatch(/mucho movimiento/);
    const portuguese = await request(port, "/checkout", { headers: { "accept-language": "de, pt;q=0.5" } });
    expect(portuguese.headers["content-language"]).toBe("pt-BR");
    // The shed requests never reached the app.
    expect(started).toBe(2);

    release();
    expect((await Promise.all(working)).map((answer) => answer.status)).toEqual([200, 200]);
    expect((await request(port, "/checkout")).status).toBe(200);
    expect(started).toBe(3);
  });

  it("serves static files whatever the load", async () => {
    const root = await mkdtemp(join(tmpdir(), "web-server-"));
    try {
      await writeFile(join(root, "robots.txt"), "User-agent: *\n");
      let started = 0;
      const never = () => {
        started++;
        return new Promise<Response>(() => {});
      };
      const port = await serve(never, { maxInFlight: 1, staticFiles: await StaticFiles.index(root, "/assets/") });
      void request(port, "/slow").catch(() => {});
      await expect.poll(() => started).toBe(1);
      expect((await request(port, "/robots.txt")).status).toBe(200);
      expect((await request(port, "/other")).status).toBe(503);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("static files", () => {
  let root: string;
  let files: StaticFiles;
  const script = "export const shop = () => 'Prime Store';\n".repeat(100);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "web-server-"));
    await mkdir(join(root, "assets"));
    await writeFile(join(root, "assets", "entry.client-Ab12.js"), script);
    await writeFile(join(root, "sw.js"), "self.addEventListener('fetch', () => {});");
    await writeFile(join(root, "logo.png"), Buffer.alloc(2048, 1));
    files = await StaticFiles.index(root, "/assets/");
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const app = async (req: Request) => new Response(`app: ${new URL(req.url).pathname}`);

  it("serves hashed assets for a year and other files for an hour", async () => {
    const port = await serve(app, { staticFiles: files });
    const asset = await request(port, "/assets/entry.client-Ab12.js");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(asset.body.toString()).toBe(script);
    const worker = await request(port, "/sw.js");
    expect(worker.headers["cache-control"]).toBe("public, max-age=3600");
  });

  it("answers 304 to a matching ETag and a HEAD without a body", async () => {
    const port = await serve(app, { staticFiles: files });
    const first = await request(port, "/logo.png");
    expect(first.headers["content-length"]).toBe("2048");
    const again = await request(port, "/logo.png", { headers: { "If-None-Match": first.headers.etag! } });
    expect(again.status).toBe(304);
    const head = await request(port, "/logo.png", { method: "HEAD" });
    expect(head.headers["content-length"]).toBe("2048");
    expect(head.body.length).toBe(0);
  });

  it("compresses text files once and serves the same bytes after", async () => {
    const port = await serve(app, { staticFiles: files });
    const first = await request(port, "/assets/entry.client-Ab12.js", { headers: { "Accept-Encoding": "br" } });
    const second = await request(port, "/assets/entry.client-Ab12.js", { headers: { "Accept-Encoding": "br" } });
    expect(first.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(first.body).toString()).toBe(script);
    expect(second.body.equals(first.body)).toBe(true);
    const png = await request(port, "/logo.png", { headers: { "Accept-Encoding": "br" } });
    expect(png.headers["content-encoding"]).toBeUndefined();
  });

  it("leaves every other path and method to the app", async () => {
    const port = await serve(app, { staticFiles: files });
    expect((await request(port, "/products/logo.png")).body.toString()).toBe("app: /products/logo.png");
    // Not a file of the index, whatever it resolves to: the app's router sees the normalised URL.
    expect((await request(port, "/assets/../sw.js")).body.toString()).toBe("app: /sw.js");
    expect((await request(port, "/sw.js", { method: "POST" })).body.toString()).toBe("app: /sw.js");
  });
});
