import { SESSION_COOKIE } from "../../context.ts";
import { secureCookies, serializeCookie } from "../../cookies.ts";

/** Hands the browser a new portal session (its token in an HttpOnly cookie that lasts as long as the session). */
export function setSessionCookie(resHeaders: Headers, session: { token: string; expiresAt: Date }): void {
  const maxAgeSeconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
  resHeaders.append("Set-Cookie", serializeCookie(SESSION_COOKIE, session.token, { maxAgeSeconds, secure: secureCookies() }));
}
