import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, relative, sep } from "node:path";
import { compress, type Encoding, isCompressible, MIN_COMPRESSIBLE_BYTES, negotiateEncoding } from "./compression.ts";

interface StaticFile {
  path: string;
  size: number;
  etag: string;
  lastModified: string;
  contentType: string;
  cacheControl: string;
  compressed: Map<Encoding, Promise<Buffer>>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** Vite puts a content hash in every name under the assets prefix: those never change. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const OTHER_FILES = "public, max-age=3600";

async function* filesUnder(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The client build's files, indexed once at start. A page request then costs one map lookup, not
 * the two `stat` calls per request of a static middleware that asks the disk about every URL.
 * The build doesn't change while the server runs: a new build means a new deployment.
 */
export class StaticFiles {
  private constructor(private readonly files: ReadonlyMap<string, StaticFile>) {}

  static async index(root: string, immutablePrefix: string): Promise<StaticFiles> {
    const files = new Map<string, StaticFile>();
    for await (const path of filesUnder(root)) {
      const urlPath = `/${relative(root, path).split(sep).join("/")}`;
      const info = await stat(path);
      files.set(urlPath, {
        path,
        size: info.size,
        etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
        lastModified: info.mtime.toUTCString(),
        contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
        cacheControl: urlPath.startsWith(immutablePrefix) ? IMMUTABLE : OTHER_FILES,
        compressed: new Map(),
      });
    }
    return new StaticFiles(files);
  }

  get size(): number {
    return this.files.size;
  }

  /** Answers `req` if it names a file of the build; false leaves it to the app. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const file = this.files.get(pathname);
    if (!file) return false;
    void this.send(req, res, file).catch((error: unknown) => {
      console.error(`[web-server] ${pathname}`, error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
    return true;
  }

  private async send(req: IncomingMessage, res: ServerResponse, file: StaticFile): Promise<void> {
    const compressible = isCompressible(file.contentType);
    res.setHeader("Cache-Control", file.cacheControl);
    res.setHeader("ETag", file.etag);
    res.setHeader("Last-Modified", file.lastModified);
    res.setHeader("Content-Type", file.contentType);
    if (compressible) res.setHeader("Vary", "Accept-Encoding");
    if (req.headers["if-none-match"] === file.etag) {
      res.writeHead(304).end();
      return;
    }
    const encoding = compressible && file.size >= MIN_COMPRESSIBLE_BYTES ? negotiateEncoding(req.headers["accept-encoding"]) : null;
    if (!encoding) {
      res.setHeader("Content-Length", file.size);
      if (req.method === "HEAD") res.end();
      else createReadStream(file.path).on("error", (error) => res.destroy(error)).pipe(res);
      return;
    }
    let body = file.compressed.get(encoding);
    if (!body) {
      body = readFile(file.path).then((data) => compress(data, encoding, "file"));
      file.compressed.set(encoding, body);
      body.catch(() => file.compressed.delete(encoding));
    }
    const data = await body;
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", data.length);
    res.end(req.method === "HEAD" ? undefined : data);
  }
}
