import { type Db, type Tx, withTenant } from "@primestore/db";
import type { InstallmentOption } from "@primestore/payments";
import { findOpenCart } from "../cart/find-cart.ts";
import type { CartOwner } from "../cart/owner.ts";
import { AppError } from "../errors/index.ts";
import { cardFormOf, connectedAccount, usableProviders } from "../payments/accounts.ts";
import type { PaymentGateway } from "../payments/gateway.ts";
import { quoteShipping } from "../shipping/quote.ts";
import type { TenantInfo } from "../tenants/index.ts";
import { cardInstallments, paymentMethodsFor, readCheckoutSettings } from "./checkout-settings.ts";
import { type InstallmentPlan, installmentOptions, planInstallments } from "./installments.ts";
import { priceLines, readLineVariants } from "./pricing.ts";
import type { CheckoutOffer, CheckoutOfferInput, OrderLineInput } from "./schemas.ts";

async function cartLines(tx: Tx, owner: CartOwner | null): Promise<OrderLineInput[]> {
  const cart = await findOpenCart(tx, owner);
  if (!cart) return [];
  return tx.cartLine.findMany({ where: { cartId: cart.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { variantId: true, quantity: true } });
}

/** A card provider's own plans, asked once the store's data is read, up to the store's maximum. */
interface ProviderPlansRequest {
  ask(): Promise<InstallmentOption[]>;
  principal: bigint;
  max: number;
}

/**
 * What the checkout page offers: the rates that apply to the destination (the shopper's pick,
 * else the cheapest, quoted), the store's payment methods for this currency, and card
 * installment plans on the goods plus that shipping. The same rules price the order when it is
 * placed; this only shows them. A card provider that prices installments itself is asked for its
 * plans after the store's transaction, so no connection waits on it.
 */
export async function getCheckoutOffer(db: Db, tenant: TenantInfo, gateway: PaymentGateway, input: CheckoutOfferInput, cartOwner: CartOwner | null): Promise<CheckoutOffer> {
  const { offer, providerPlans } = await withTenant(db, tenant.id, (tx) => storeOffer(tx, tenant, gateway, input, cartOwner));
  if (!providerPlans) return offer;
  const plans = await providerPlans.ask().then((options) => asPlans(options, providerPlans), () => []);
  // If the provider can't answer now, paying in full still works.
  return plans.length ? { ...offer, installments: plans } : offer;
}

async function storeOffer(tx: Tx, tenant: TenantInfo, gateway: PaymentGateway, input: CheckoutOfferInput, cartOwner: CartOwner | null) {
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
  const principal = priced.subtotal + (shipping?.amount ?? 0n);
  const terms = cardInstallments(settings, cardProvider);
  const pricesItsOwn = paymentMethods.includes("card") && cardProvider?.installmentPlans ? cardProvider : undefined;
  const offer: CheckoutOffer = {
    currency: input.currency,
    subtotal: priced.subtotal,
    weightGrams: priced.weightGrams,
    shippingOptions,
    shipping,
    paymentMethods,
    // Until the provider has priced the card the shopper types, paying in full is what is certain.
    installments: pricesItsOwn ? [planInstallments(principal, 1, terms)] : paymentMethods.includes("card") ? installmentOptions(principal, terms) : [],
    sandbox: paymentMethods.some((method) => settings.providers[method] === "test"),
    cardProvider: paymentMethods.includes("card") ? (cardProvider?.id ?? null) : null,
    cardForm: cardForm ?? null,
    sandboxCards: [...sandboxCards],
  };
  const { card } = input;
  if (!pricesItsOwn?.installmentPlans || !card || principal <= 0n) return { offer, providerPlans: null };
  const account = await connectedAccount(tx, gateway, tenant.id, pricesItsOwn.id);
  const providerPlans: ProviderPlansRequest = {
    ask: () => pricesItsOwn.installmentPlans!({ account, amount: principal, currency: input.currency, card }),
    principal,
    max: terms.max,
  };
  return { offer, providerPlans };
}

/** The provider's plans as the page shows them, up to the store's maximum. */
function asPlans(options: InstallmentOption[], { principal, max }: ProviderPlansRequest): InstallmentPlan[] {
  return options
    .filter((option) => option.installments >= 1 && option.installments <= max)
    .map((option) => ({
      count: option.installments,
      amount: option.installmentAmount,
      total: option.totalAmount,
      interest: option.totalAmount > principal ? option.totalAmount - principal : 0n,
      interestFree: option.interestFree,
    }));
}
