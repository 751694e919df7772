import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { compress, compressStream, isCompressible, MIN_COMPRESSIBLE_BYTES, negotiateEncoding, varyOnEncoding } from "./compression.ts";

/**
 * A Fetch `Request` for a Node request. Its signal aborts when the client goes away before the
 * answer is complete, so loaders and renders stop working for nobody.
 */
export function toFetchRequest(req: IncomingMessage, res: ServerResponse): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // TLS ends at the proxy in front; the apps read X-Forwarded-Proto/-Host for the public origin.
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs it for a streamed request body.
    duplex: hasBody ? "half" : undefined,
  });
  return withSignal(request, controller.signal);
}

/**
 * The request with `signal` as its own, and its clones with it too. Given as `init.signal`, undici
 * would follow the signal through a WeakRef, and V8's minor GCs keep WeakRef targets alive: each
 * request's signals, and all that listens to them, reached the old space (docs/decisions/023).
 */
function withSignal(request: Request, signal: AbortSignal): Request {
  return Object.defineProperties(request, {
    signal: { value: signal },
    clone: { value: () => withSignal(Request.prototype.clone.call(request), signal) },
  });
}

const TURN_ENDED = Symbol("turn ended");

/**
 * The body in batches: each holds every chunk that is ready before the event loop's next turn.
 * React renders a page in one go but hands it over in ~2 kB chunks; a write per batch instead of
 * per chunk makes a page one socket write instead of dozens.
 */
async function* batches(body: ReadableStream<Uint8Array>): AsyncGenerator<{ data: Buffer; last: boolean }> {
  const reader = body.getReader();
  try {
    let pending = reader.read();
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const chunks = [first.value];
      const turnEnded = new Promise<typeof TURN_ENDED>((resolve) => setImmediate(resolve, TURN_ENDED));
      let last = false;
      for (;;) {
        pending = reader.read();
        const next = await Promise.race([pending, turnEnded]);
        if (next === TURN_ENDED) break;
        if (next.done) {
          last = true;
          break;
        }
        chunks.push(next.value);
      }
      yield { data: chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength) : Buffer.concat(chunks), last };
      if (last) return;
    }
  } finally {
    // Stops the producer when the client left mid-body; a no-op once the body has ended.
    await reader.cancel().catch(() => undefined);
  }
}

async function write(destination: Writable, data: Buffer): Promise<void> {
  if (!destination.write(data) && !destination.destroyed) await Promise.race([once(destination, "drain"), once(destination, "close")]);
}

/** Writes a Fetch `Response` to Node, compressed when the client accepts it and it is worth it. */
export async function sendFetchResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  if (response.statusText) res.statusMessage = response.statusText;
  const cookies = response.headers.getSetCookie();
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  if (cookies.length) res.setHeader("Set-Cookie", cookies);

  const body = response.body;
  if (!body || req.method === "HEAD") {
    await body?.cancel();
    res.end();
    return;
  }
  const contentType = response.headers.get("content-type");
  const compressible = isCompressible(contentType) && !response.headers.has("content-encoding");
  if (compressible) res.setHeader("Vary", varyOnEncoding(response.headers.get("vary") ?? undefined));
  const encoding = compressible ? negotiateEncoding(req.headers["accept-encoding"]) : null;
  // Event streams must reach the client as they are written, before any body exists.
  if (contentType?.startsWith("text/event-stream")) res.flushHeaders();

  const stream = batches(body);
  const first = await stream.next();
  if (first.done || first.value.last) {
    // The whole body at once: its length is known, and it goes out in one write.
    let data = first.done ? Buffer.alloc(0) : first.value.data;
    if (encoding && data.length >= MIN_COMPRESSIBLE_BYTES) {
      data = await compress(data, encoding, "page");
      res.setHeader("Content-Encoding", encoding);
    }
    res.setHeader("Content-Length", data.length);
    res.end(data);
    return;
  }
  if (encoding) res.setHeader("Content-Encoding", encoding);
  const compressor = encoding ? compressStream(encoding) : null;
  const piped = compressor ? pipeline(compressor, res) : null;
  const destination = compressor ?? res;
  for (let batch: Buffer | undefined = first.value.data; batch; ) {
    if (res.destroyed) break;
    await write(destination, batch);
    // Deferred data must reach the browser now, not when the compressor's window fills.
    compressor?.flush();
    const next = await stream.next();
    batch = next.done ? undefined : next.value.data;
  }
  await stream.return(undefined);
  destination.end();
  // A client that left mid-body ends the pipeline early; that is not the server's error.
  await piped?.catch((error: unknown) => {
    if (!res.destroyed) throw error;
  });
}
