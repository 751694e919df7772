import type { Tx } from "@primestore/db";
import { findOpenCart } from "../cart/find-cart.ts";
import type { CartOwner } from "../cart/owner.ts";
import { AppError } from "../errors/index.ts";
import { cardFormOf, usableProviders } from "../payments/accounts.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { quoteShipping } from "../shipping/quote.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { cardInstallments, paymentMethodsFor, readCheckoutSettings } from "./checkout-settings.ts";
import { installmentOptions } from "./installments.ts";
import { priceLines, readLineVariants } from "./pricing.ts";
import type { CheckoutOffer, CheckoutOfferInput, OrderLineInput } from "./schemas.ts";

async function cartLines(tx: Tx, owner: CartOwner | null): Promise<OrderLineInput[]> {
  const cart = await findOpenCart(tx, owner);
  if (!cart) return [];
  return tx.cartLine.findMany({ where: { cartId: cart.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { variantId: true, quantity: true } });
}

/**
 * What the checkout page offers: the rates that apply to the destination (the shopper's pick,
 * else the cheapest, quoted), the store's payment methods for this currency, and card
 * installment plans on the goods plus that shipping. The same rules price the order when it is
 * placed; this only shows them.
 */
export async function getCheckoutOffer(
  tx: Tx,
  tenant: TenantInfo,
  gateway: PaymentGateway,
  input: CheckoutOfferInput,
  cartOwner: CartOwner | null,
): Promise<CheckoutOffer> {
  if (!tenant.currencies.includes(input.currency)) throw new AppError("CURRENCY_NOT_ENABLED");
  const settings = await readCheckoutSettings(tx, tenant.id);
  const lines = input.lines ?? (await cartLines(tx, cartOwner));
  const variants = await readLineVariants(tx, lines.map((line) => line.variantId), input.currency);
  const priced = priceLines(variants, lines, input.currency);
  const shippingOptions = await quoteShipping(tx, { country: input.country, currency: input.currency, subtotal: priced.subtotal, weightGrams: priced.weightGrams });
  const shipping = shippingOptions.find((option) => option.rateId === input.shippingRateId) ?? shippingOptions[0] ?? null;
  const usable = await usableProviders(tx, gateway);
  const offered = paymentMethodsFor(settings, input.currency, usable);
  const cardProvider = offered.includes("card") ? usable[settings.providers.card] : undefined;
  const cardForm = cardProvider ? await cardFormOf(tx, gateway, tenant.id, cardProvider) : undefined;
  const sandboxCards = cardProvider?.sandboxCards ?? [];
  // A card needs somewhere to be typed (the provider's form) or a test card to stand for it.
  const paymentMethods = cardForm || sandboxCards.length ? offered : offered.filter((method) => method !== "card");
  return {
    currency: input.currency,
    subtotal: priced.subtotal,
    weightGrams: priced.weightGrams,
    shippingOptions,
    shipping,
    paymentMethods,
    installments: paymentMethods.includes("card") ? installmentOptions(priced.subtotal + (shipping?.amount ?? 0n), cardInstallments(settings, cardProvider)) : [],
    sandbox: paymentMethods.some((method) => settings.providers[method] === "test"),
    cardProvider: paymentMethods.includes("card") ? (cardProvider?.id ?? null) : null,
    cardForm: cardForm ?? null,
    sandboxCards: [...sandboxCards],
  };
}
