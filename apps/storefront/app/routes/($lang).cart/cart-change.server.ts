import type { serverApi } from "../../lib/api.server.ts";
import { parseCartLine, parseVariantId } from "../../lib/cart-line.ts";

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

export type CartChange =
  | { intent: "add" | "set"; variantId: string; quantity: number }
  | { intent: "remove"; variantId: string; quantity?: never };

/** What a cart form asks for (the product page's Add to cart, or a line's Update or Remove), or null when it makes no sense. */
export function readCartChange(form: FormData): CartChange | null {
  const intent = form.get("intent");
  if (intent === "remove") {
    const variantId = parseVariantId(form.get("variant"));
    return variantId ? { intent, variantId } : null;
  }
  if (intent !== "add" && intent !== "set") return null;
  const line = parseCartLine(form.get("variant"), form.get("qty"), intent === "set" ? 0 : 1);
  return line ? { intent, ...line } : null;
}

export function applyCartChange(api: Api, change: CartChange, preferences: { currency: string; locale: string }) {
  switch (change.intent) {
    case "add":
      return api.cart.addLine({ ...preferences, variantId: change.variantId, quantity: change.quantity });
    case "set":
      return api.cart.setQuantity({ ...preferences, variantId: change.variantId, quantity: change.quantity });
    case "remove":
      return api.cart.removeLine({ ...preferences, variantId: change.variantId });
  }
}
