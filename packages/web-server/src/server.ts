import http from "node:http";
import { sendFetchResponse, toFetchRequest } from "./fetch-bridge.ts";
import { answerBusy } from "./load-shedding.ts";
import type { StaticFiles } from "./static-files.ts";

export type FetchHandler = (request: Request) => Promise<Response>;

export interface WebServerOptions {
  /** The app: every request that names no file of the build. */
  handler: FetchHandler;
  staticFiles?: StaticFiles;
  /** For error lines: which app failed. */
  name: string;
  /**
   * Requests this process works on at once; one more is answered 503 with Retry-After at once
   * (static files are always served: they cost nothing to answer). Unset: no limit.
   */
  maxInFlight?: number;
}

/**
 * Node's own HTTP server in front of a Fetch handler: no framework, no per-request access log
 * (the proxy or CDN in front keeps those), static files from an in-memory index.
 */
export function createWebServer({ handler, staticFiles, name, maxInFlight = Number.POSITIVE_INFINITY }: WebServerOptions): http.Server {
  let inFlight = 0;
  return http.createServer(async (req, res) => {
    const started = performance.now();
    const pathname = pathOf(req.url);
    if (pathname === null) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request");
      return;
    }
    if (staticFiles?.serve(req, res, pathname)) return;
    if (inFlight >= maxInFlight) {
      answerBusy(req, res);
      return;
    }
    inFlight++;
    try {
      const response = await handler(toFetchRequest(req, res));
      await sendFetchResponse(req, res, response);
      if (response.status >= 500) logFailure(name, req, response.status, started);
    } catch (error) {
      console.error(`[${name}] ${req.method} ${req.url}`, error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal server error");
      else res.destroy();
    } finally {
      inFlight--;
    }
  });
}

/** The decoded path, or null for a URL no file or route could have (bad escapes, no leading slash). */
function pathOf(url: string | undefined): string | null {
  if (!url?.startsWith("/")) return null;
  const end = url.search(/[?#]/);
  try {
    return decodeURIComponent(end === -1 ? url : url.slice(0, end));
  } catch {
    return null;
  }
}

function logFailure(name: string, req: http.IncomingMessage, status: number, started: number): void {
  console.error(`[${name}] ${req.method} ${req.url} ${status} ${Math.round(performance.now() - started)} ms`);
}
