import { promisify } from "node:util";
import zlib from "node:zlib";

export type Encoding = "br" | "gzip";

/** Below this a compressed body plus its framing is rarely smaller, and costs CPU for nothing. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|ld\+json)|image\/svg\+xml)|\+json|\+xml/i;

export const isCompressible = (contentType: string | null | undefined): boolean => !!contentType && COMPRESSIBLE.test(contentType);

/** The best encoding the client accepts (`br` before `gzip`), honouring `;q=0` refusals. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    if (token && (!q || Number(q.slice(2)) > 0)) accepted.add(token);
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip") || accepted.has("*")) return "gzip";
  return null;
}

/**
 * Pages are compressed as they are served, so brotli runs at quality 4: about gzip's speed with a
 * smaller result. Static files are compressed once and kept, so they get the best quality.
 */
const quality = { page: 4, file: zlib.constants.BROTLI_MAX_QUALITY } as const;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export function compress(data: Buffer, encoding: Encoding, kind: keyof typeof quality): Promise<Buffer> {
  if (encoding === "gzip") return gzip(data);
  return brotli(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality[kind], [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
}

/** For bodies that arrive over time (deferred data, event streams): flushed after every batch. */
export function compressStream(encoding: Encoding): zlib.BrotliCompress | zlib.Gzip {
  if (encoding === "gzip") return zlib.createGzip();
  return zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality.page } });
}

/** Adds `Accept-Encoding` to a `Vary` header, so caches keep compressed and plain copies apart. */
export function varyOnEncoding(vary: string | undefined): string {
  if (!vary) return "Accept-Encoding";
  if (vary.trim() === "*" || /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) return vary;
  return `${vary}, Accept-Encoding`;
}
