import type http from "node:http";

/** How long a shed client should wait before it tries again (seconds). */
export const RETRY_AFTER_SECONDS = 1;

const BUSY_TEXT = {
  "pt-BR": "A loja está com muito movimento agora. Tente de novo em alguns segundos.",
  en: "The store is very busy right now. Please try again in a few seconds.",
  es: "La tienda tiene mucho movimiento ahora. Inténtalo de nuevo en unos segundos.",
} as const;

/**
 * The language of the answer: the server sheds before the app has resolved the store or its
 * locales, so the browser's Accept-Language picks among the platform's three, pt-BR by default.
 */
function busyLocale(acceptLanguage: string | undefined): keyof typeof BUSY_TEXT {
  for (const range of (acceptLanguage ?? "").split(",")) {
    const language = range.split(";")[0]!.trim().toLowerCase().split("-")[0];
    if (language === "pt") return "pt-BR";
    if (language === "en" || language === "es") return language;
  }
  return "pt-BR";
}

/**
 * 503 with Retry-After: beyond the server's queue limit a request would only wait behind work the
 * process can't finish in time (and time out anyway), so it is refused at once, before any of its
 * work starts, and clients and load balancers retry it elsewhere or later. Nothing is cached.
 */
export function answerBusy(req: http.IncomingMessage, res: http.ServerResponse): void {
  const locale = busyLocale(req.headers["accept-language"]);
  res
    .writeHead(503, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Language": locale,
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
      Vary: "Accept-Language",
    })
    .end(BUSY_TEXT[locale]);
}
