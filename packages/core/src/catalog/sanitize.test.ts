import { describe, expect, it } from "vitest";
import { sanitizeDescription } from "./sanitize.ts";

describe("sanitizeDescription", () => {
  it("keeps formatting and drops scripts, handlers and javascript: links", () => {
    const html = sanitizeDescription(
      `<p onclick="steal()">Linho <strong>leve</strong></p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)">`,
    );
    expect(html).toBe(`<p>Linho <strong>leve</strong></p><a rel="nofollow noopener" target="_blank">x</a><img src="x" />`);
  });
});
