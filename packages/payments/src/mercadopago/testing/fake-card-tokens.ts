import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, FAKE_CARD_TOKENS, type FakeResponse } from "./fake-payments.ts";

/** How a card payment ends, as MP's test cardholder names decide it. */
export type FakeCardOutcome = { status: "approved" | "rejected" | "in_process"; status_detail: string };

const OUTCOME_BY_HOLDER: Record<string, FakeCardOutcome> = {
  APRO: { status: "approved", status_detail: "accredited" },
  CONT: { status: "in_process", status_detail: "pending_contingency" },
  FUND: { status: "rejected", status_detail: "cc_rejected_insufficient_amount" },
};
const REJECTED: FakeCardOutcome = { status: "rejected", status_detail: "cc_rejected_other_reason" };

const OUTCOME_BY_FIXED_TOKEN: Record<string, FakeCardOutcome> = {
  [FAKE_CARD_TOKENS.approve]: OUTCOME_BY_HOLDER.APRO!,
  [FAKE_CARD_TOKENS.pending]: OUTCOME_BY_HOLDER.CONT!,
  [FAKE_CARD_TOKENS.reject]: REJECTED,
};

/** A card number's brand by its leading digits, as MP's BIN lookup answers it (enough for tests). */
function brandOf(bin: string): { id: string; name: string } | undefined {
  if (/^4/.test(bin)) return { id: "visa", name: "Visa" };
  if (/^5[1-5]/.test(bin)) return { id: "master", name: "Mastercard" };
  if (/^3[47]/.test(bin)) return { id: "amex", name: "American Express" };
  return undefined;
}

const tokenRequest = z.object({
  card_number: z.string().regex(/^\d{13,19}$/),
  expiration_month: z.coerce.number().int().min(1).max(12),
  expiration_year: z.coerce.number().int(),
  security_code: z.string().regex(/^\d{3,4}$/),
  cardholder: z.object({ name: z.string().min(1), identification: z.object({ type: z.enum(["CPF", "CNPJ"]), number: z.string().regex(/^\d{11}$|^\d{14}$/) }) }),
});

interface IssuedToken {
  account: string;
  outcome: FakeCardOutcome;
  used: boolean;
}

/**
 * Card tokens as MercadoPago.js makes them in a shopper's browser with a seller's public key
 * (POST /v1/card_tokens?public_key=...), and the BIN lookup it uses to name the card's brand.
 * A token pays once, in the account of the seller whose public key made it.
 */
export function createFakeCardTokens(accountOfPublicKey: (publicKey: string) => string | undefined) {
  const issued = new Map<string, IssuedToken>();

  const sellerOf = (publicKey: string | null) => (publicKey ? accountOfPublicKey(publicKey) : undefined);

  return {
    create(publicKey: string | null, raw: unknown, now: Date): FakeResponse {
      const account = sellerOf(publicKey);
      if (!account) return apiError(401, "invalid public_key", "unauthorized");
      const parsed = tokenRequest.safeParse(raw);
      if (!parsed.success) return apiError(400, parsed.error.issues.map((issue) => issue.path.join(".")).join(", "), "invalid_parameter");
      const card = parsed.data;
      const expiry = Date.UTC(card.expiration_year, card.expiration_month, 1);
      if (expiry <= now.getTime()) return apiError(400, "invalid expiration_year", "invalid_parameter");
      if (!brandOf(card.card_number)) return apiError(400, "invalid card_number", "invalid_parameter");
      const id = randomBytes(16).toString("hex");
      issued.set(id, { account, outcome: OUTCOME_BY_HOLDER[card.cardholder.name.trim().toUpperCase()] ?? REJECTED, used: false });
      return {
        status: 201,
        body: {
          id,
          first_six_digits: card.card_number.slice(0, 6),
          last_four_digits: card.card_number.slice(-4),
          expiration_month: card.expiration_month,
          expiration_year: card.expiration_year,
          cardholder: card.cardholder,
          status: "active",
          date_created: now.toISOString(),
          live_mode: false,
        },
      };
    },

    /** GET /v1/payment_methods/search?public_key=&bins= */
    search(publicKey: string | null, bin: string | null): FakeResponse {
      if (!sellerOf(publicKey)) return apiError(401, "invalid public_key", "unauthorized");
      const brand = bin && /^\d{6,8}$/.test(bin) ? brandOf(bin) : undefined;
      const results = brand
        ? [{ ...brand, payment_type_id: "credit_card", status: "active", issuer: { id: 25, name: `Banco ${brand.name}` }, additional_info_needed: ["cardholder_identification_number"] }]
        : [];
      return { status: 200, body: { paging: { total: results.length, limit: 30, offset: 0 }, results } };
    },

    /** What a payment with `token` does in `account`: its test outcome, or MP's refusal of a token it can't use. */
    redeem(token: string, account: string): FakeCardOutcome | FakeResponse {
      const fixed = OUTCOME_BY_FIXED_TOKEN[token];
      if (fixed) return fixed;
      const found = issued.get(token);
      if (!found || found.account !== account) return apiError(400, "Card Token not found", "bad_request");
      if (found.used) return apiError(400, "Card token already used", "bad_request");
      found.used = true;
      return found.outcome;
    },
  };
}
