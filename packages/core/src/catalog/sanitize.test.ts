import { describe, expect, it } from "vitest";
import { sanitizeDescription } from "./sanitize.ts";

describe("sanitizeDescription", () => {
  it("keeps formatting and drops scripts, handlers and javascript: links", () => {
    const html = sanitizeDescription(
      `<p onclick="steal()">Linho <strong>leve</strong></p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)">`,
    );
    expect(html).toBe(`<p>Linho <strong>leve</strong></p><a rel="nofollow noopener" target="_blank">x</a><img src="x" />`);
  });

  it("returns inert HTML (allowed tags without attributes, text, character references) as it is", () => {
    const inert = [
      "<h2>Linho leve</h2><p>Para os dias <strong>quentes</strong> &amp; as noites frescas.<br />Lavar à mão.</p>",
      "<ul><li>100% algodão</li><li>Feito no Ceará</li></ul><blockquote>“Macio” &#8212; cliente</blockquote>",
      "<table><thead><tr><th>P</th></tr></thead><tbody><tr><td>80 cm</td></tr></tbody></table>",
      "Só texto, sem marcação: \"aspas\" e 'apóstrofos'.",
    ];
    for (const html of inert) expect(sanitizeDescription(html)).toBe(html);
  });

  it("sends anything that could carry an attribute, a URL or markup it doesn't know through the full sanitiser", () => {
    expect(sanitizeDescription('<p class="x" style="color:red">a</p>')).toBe("<p>a</p>");
    expect(sanitizeDescription("<P ONCLICK=steal()>a</P>")).toBe("<p>a</p>");
    expect(sanitizeDescription("<p >a</p><svg onload=steal()></svg>")).toBe("<p>a</p>");
    expect(sanitizeDescription("<p>a</p><script>steal()</script>")).toBe("<p>a</p>");
    expect(sanitizeDescription("<p>a < b > c</p>")).toBe("<p>a &lt; b &gt; c</p>");
    expect(sanitizeDescription("<p>&unknown entity</p>")).toBe("<p>&amp;unknown entity</p>");
    expect(sanitizeDescription('<a href="https://example.com">loja</a>')).toBe('<a href="https://example.com" rel="nofollow noopener" target="_blank">loja</a>');
    expect(sanitizeDescription("<br onclick=steal()>")).toBe("<br />");
  });

  it("tells a long description that isn't inert quickly, without backtracking over its text", () => {
    const long = `<p>${"linho leve ".repeat(20_000)}</p><x>`;
    expect(sanitizeDescription(long)).toBe(`<p>${"linho leve ".repeat(20_000)}</p>`);
  });
});
