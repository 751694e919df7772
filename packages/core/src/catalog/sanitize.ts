import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td"];

/**
 * HTML that is inert as it stands: text without `<` or `>`, character references, and allowed
 * tags that carry no attributes (so no handler, style or URL). Most descriptions are only this.
 */
const ATTRIBUTE_FREE_TAGS = ALLOWED_TAGS.filter((tag) => tag !== "a" && tag !== "img" && tag !== "br").join("|");
// One character of text per repetition, never a run: a run inside `*` would backtrack
// exponentially on a long description that fails the test at its end.
const INERT_HTML = new RegExp(`^(?:[^<>&]|&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});|</?(?:${ATTRIBUTE_FREE_TAGS})>|<br ?/?>)*$`);

/**
 * Product descriptions are seller-written HTML shown to shoppers: keep formatting, drop scripts,
 * event handlers, styles and foreign embeds. Runs on write, so every reader gets safe HTML, and
 * again where a page is read (imports write translations directly). Inert HTML is returned as
 * it is: sanitize-html builds a parser per call, about a quarter of what a product page read left
 * for the garbage collector's slower passes (docs/decisions/016).
 */
export function sanitizeDescription(html: string): string {
  if (INERT_HTML.test(html)) return html;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel", "target"], img: ["src", "alt", "width", "height"] },
    allowedSchemes: ["https", "http", "mailto"],
    allowedSchemesByTag: { img: ["https", "http", "data"] },
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener", target: "_blank" }) },
  });
}
