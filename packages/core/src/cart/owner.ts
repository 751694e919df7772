import { hashToken } from "../auth/tokens.ts";
import { AppError } from "../errors/index.ts";
import { cartPreferences, type CartPreferences } from "./schemas.ts";

/** Whose cart: a signed-in customer's, or a guest's, found by the SHA-256 of their cookie token. */
export type CartOwner = { customerId: string } | { tokenHash: string };

/** Only the hash is stored: a read of the carts table can't be replayed as cookies. */
export function guestCartOwner(token: string): CartOwner {
  return { tokenHash: hashToken(token) };
}

/** Who is shopping, where, and in which language and currency. */
export interface CartShopper extends CartPreferences {
  tenant: { id: string; currencies: readonly string[] };
  /** null: a guest whose cookie names no cart yet. */
  owner: CartOwner | null;
}

/** The preferences, validated and limited to the currencies this store sells in. */
export function shopperPreferences(shopper: CartShopper): CartPreferences {
  const preferences = cartPreferences.parse({ currency: shopper.currency, locale: shopper.locale });
  if (!shopper.tenant.currencies.includes(preferences.currency)) throw new AppError("CURRENCY_NOT_ENABLED");
  return preferences;
}
