import { z } from "zod";
import { currencyCode } from "../catalog/schemas.ts";
import { shippingOption } from "../shipping/schemas.ts";
import { isValidBrazilianTaxId, normalizeCep } from "./brazil.ts";
import { checkoutPaymentMethod } from "./checkout-settings.ts";
import { installmentPlan } from "./installments.ts";

export const countryCode = z.string().regex(/^[A-Z]{2}$/);

export const addressInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    line1: z.string().trim().min(1).max(200),
    number: z.string().trim().max(20).optional(),
    line2: z.string().trim().max(200).optional(),
    district: z.string().trim().max(120).optional(),
    city: z.string().trim().min(1).max(120),
    region: z.string().trim().min(1).max(120),
    postalCode: z.string().trim().min(3).max(12),
    country: countryCode,
    phone: z.string().trim().max(30).optional(),
    /** CPF or CNPJ in Brazil (required there: invoices need it); other countries' tax ids are free-form. */
    taxId: z.string().trim().max(32).optional(),
  })
  .transform((address, ctx) => {
    if (address.country !== "BR") return address;
    const postalCode = normalizeCep(address.postalCode);
    if (!postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "invalid_cep" });
    if (!address.taxId || !isValidBrazilianTaxId(address.taxId)) ctx.addIssue({ code: "custom", path: ["taxId"], message: "invalid_tax_id" });
    return { ...address, postalCode: postalCode ?? address.postalCode, taxId: address.taxId?.replace(/\D/g, "") };
  });

/** Limits shared by order and cart lines, so every cart can become an order. */
export const MAX_LINE_QUANTITY = 99;
export const MAX_ORDER_LINES = 50;

export const orderLineInput = z.object({ variantId: z.uuid(), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY) });
export type OrderLineInput = z.infer<typeof orderLineInput>;

/** What every checkout asks for, wherever its lines come from. */
export const checkoutInput = z.object({
  /** Generated when the checkout form is rendered: a double submit places one order. */
  idempotencyKey: z.string().min(16).max(100),
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  currency: currencyCode,
  locale: z.string().min(2).max(10),
  shippingAddress: addressInput,
  /** The shopper names a rate; its amount is quoted again when the order is placed. */
  shippingRateId: z.uuid(),
  payment: z
    .object({
      method: checkoutPaymentMethod,
      /** Card only; more than the store's maximum is refused. */
      installments: z.number().int().min(1).max(12).default(1),
      /** Provider fields (card token, brand, issuer), passed through, never stored. */
      fields: z.record(z.string().max(40), z.string().max(500)).default({}),
    })
    // A card is charged through the single-use token its provider's form (or a test card) gave.
    .refine((payment) => payment.method !== "card" || Boolean(payment.fields.token), { path: ["fields", "token"], message: "A card payment needs its card token" }),
});
export type CheckoutInput = z.infer<typeof checkoutInput>;

/**
 * Buy now: the lines are named by the request. With `expectedSubtotal` (the storefront always
 * sends it) a price change since the shopper's page was shown is refused, not charged.
 */
export const placeOrderInput = checkoutInput.extend({
  lines: z.array(orderLineInput).min(1).max(MAX_ORDER_LINES),
  expectedSubtotal: z.bigint().nonnegative().optional(),
});
export type PlaceOrderInput = z.infer<typeof placeOrderInput>;

/**
 * Checkout from the shopper's cart: its lines are priced when the order is placed, and the
 * shopper confirms the subtotal they were shown, so a price change in between is never charged
 * unseen.
 */
export const placeFromCartInput = checkoutInput.extend({ expectedSubtotal: z.bigint().nonnegative() });
export type PlaceFromCartInput = z.infer<typeof placeFromCartInput>;

export const placedOrder = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.string(),
  total: z.bigint(),
  currency: z.string(),
  email: z.string(),
  /** For the buyer's order status link (see access-token.ts). */
  accessToken: z.string(),
});
export type PlacedOrder = z.infer<typeof placedOrder>;

const cardFormConfig = z.object({ provider: z.enum(["stripe", "mercadopago"]), scriptUrl: z.url(), publicKey: z.string().min(1) });

/** What the checkout page offers for these lines (or the shopper's cart) and destination. */
export const checkoutOfferInput = z.object({
  currency: currencyCode,
  country: countryCode,
  /** The shopper's pick; absent or no longer applicable, the cheapest rate is quoted. */
  shippingRateId: z.uuid().optional(),
  /** Buy now; absent, the shopper's cart. */
  lines: z.array(orderLineInput).min(1).max(MAX_ORDER_LINES).optional(),
  /**
   * The card typed so far, as its BIN names it: a provider that prices installments itself
   * (Mercado Pago) offers its plans for that card; until then, paying in full.
   */
  card: z.object({ brand: z.string().regex(/^[a-z][a-z0-9_]{1,29}$/), bin: z.string().regex(/^\d{6,8}$/).optional() }).optional(),
});
export type CheckoutOfferInput = z.infer<typeof checkoutOfferInput>;

export const checkoutOffer = z.object({
  currency: z.string(),
  subtotal: z.bigint(),
  weightGrams: z.number().int(),
  shippingOptions: z.array(shippingOption),
  shipping: shippingOption.nullable(),
  paymentMethods: z.array(checkoutPaymentMethod),
  /**
   * Card plans on the subtotal plus the quoted shipping, 1× to the store's maximum: the store's
   * interest table, or the plans of a card provider that prices installments itself.
   */
  installments: z.array(installmentPlan),
  /** The sandbox provider takes some method: no money moves, and the page says so. */
  sandbox: z.boolean(),
  /** Who takes cards: the page loads that provider's card form (or the sandbox's cards). */
  cardProvider: z.enum(["test", "mercadopago", "stripe"]).nullable(),
  /** The provider's browser card form (script and public key); null where only test cards, or no cards, are taken. */
  cardForm: cardFormConfig.nullable(),
  /** In test mode, the card tokens the shopper may pick instead of typing a card. */
  sandboxCards: z.array(z.object({ token: z.string(), outcome: z.enum(["approved", "declined"]) })),
});
export type CheckoutOffer = z.infer<typeof checkoutOffer>;

/** An order named by its status link: the id and the capability token that goes with it. */
export const orderAccess = z.object({ orderId: z.uuid(), token: z.string().min(20).max(100) });
export type OrderAccess = z.infer<typeof orderAccess>;

export const orderStatusName = z.enum(["pending_payment", "paid", "fulfilling", "shipped", "delivered", "cancelled", "refunded"]);
export const paymentStatusName = z.enum(["pending", "authorized", "paid", "failed", "expired", "cancelled", "refunded", "partially_refunded"]);

export const paymentProgress = z.object({
  orderStatus: orderStatusName,
  paymentStatus: paymentStatusName,
  expiresAt: z.date().nullable(),
});
export type PaymentProgress = z.infer<typeof paymentProgress>;

export const orderStatusView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: orderStatusName,
  email: z.string(),
  currency: z.string(),
  placedAt: z.date(),
  lines: z.array(z.object({ id: z.uuid(), title: z.string(), quantity: z.number().int(), total: z.bigint() })),
  subtotal: z.bigint(),
  shippingMethod: z.string().nullable(),
  shippingTotal: z.bigint(),
  /** Installment interest: the store's, or the card provider's where it prices its own plans. */
  interest: z.bigint(),
  /** What the shopper pays in all, that interest included. */
  total: z.bigint(),
  payment: z.object({
    method: z.enum(["test", "pix", "boleto", "card"]),
    status: paymentStatusName,
    installments: z.number().int(),
    installmentAmount: z.bigint(),
    expiresAt: z.date().nullable(),
    /** Paid by nobody but the storefront's test-mode button. */
    sandbox: z.boolean(),
    pix: z.object({ qrCode: z.string() }).nullable(),
    boleto: z.object({ digitableLine: z.string(), dueDate: z.string() }).nullable(),
    /** The bank wants the shopper to authenticate (3-D Secure): the provider's script finishes it with the secret. */
    cardAction: cardFormConfig.extend({ clientSecret: z.string() }).nullable(),
  }),
});
export type OrderStatusView = z.infer<typeof orderStatusView>;

/** What the sandbox's "simulate payment" button may report. */
export const simulatedOutcome = z.enum(["paid", "failed", "expired"]);
export const simulatePaymentInput = orderAccess.extend({ outcome: simulatedOutcome });
