import { describe, expect, it } from "vitest";
import { LANG_COOKIE, preferenceCookie, readPreference } from "./preference-cookies.ts";

const withCookie = (cookie: string) => new Request("http://shop.test/", { headers: { cookie } });

describe("preference cookies", () => {
  it("reads back what it writes", () => {
    const [pair] = preferenceCookie(LANG_COOKIE, "pt-BR").split(";");
    expect(readPreference(withCookie(`ps_session=x; ${pair}`), LANG_COOKIE)).toBe("pt-BR");
  });

  it("treats a badly encoded value as no preference", () => {
    expect(readPreference(withCookie("lang=%E0%A4%A"), LANG_COOKIE)).toBeNull();
  });

  it("keeps the preference for a year, site-wide and away from scripts", () => {
    const attributes = preferenceCookie(LANG_COOKIE, "es").split("; ").slice(1);
    expect(attributes.sort()).toEqual(["HttpOnly", "Max-Age=31536000", "Path=/", "SameSite=Lax"]);
  });
});
