import type { Prisma, Tx } from "@primestore/db";
import { availableUnits } from "../catalog/availability.ts";
import { findOpenCart } from "./find-cart.ts";
import { shopperPreferences, type CartShopper } from "./owner.ts";
import type { CartLineProblem, CartLineView, CartPreferences, CartView } from "./schemas.ts";

const lineInclude = ({ currency, locale }: CartPreferences) =>
  ({
    variant: {
      include: {
        prices: { where: { currency } },
        inventoryLevels: true,
        product: { include: { translations: { where: { locale } }, images: { orderBy: { position: "asc" }, take: 1 } } },
      },
    },
  }) satisfies Prisma.CartLineInclude;

type LineRow = Prisma.CartLineGetPayload<{ include: ReturnType<typeof lineInclude> }>;

/** The most pressing problem first: no point asking to lower a quantity of something not on sale. */
function problemOf(onSale: boolean, unitPrice: number | null, available: number, quantity: number): CartLineProblem | null {
  if (!onSale) return "unavailable";
  if (unitPrice === null) return "price_missing";
  if (available === 0) return "out_of_stock";
  if (quantity > available) return "quantity_above_available";
  return null;
}

function toLineView(row: LineRow): CartLineView {
  const { variant } = row;
  const unitPrice = variant.prices[0]?.amount ?? null;
  const available = availableUnits(variant.inventoryLevels);
  return {
    variantId: variant.id,
    sku: variant.sku,
    productSlug: variant.product.slug,
    productTitle: variant.product.translations[0]?.title ?? variant.product.title,
    variantTitle: variant.title,
    imageUrl: variant.product.images[0]?.url ?? null,
    quantity: row.quantity,
    available,
    unitPrice,
    total: unitPrice === null ? null : BigInt(unitPrice) * BigInt(row.quantity),
    problem: problemOf(variant.product.status === "active", unitPrice, available, row.quantity),
  };
}

/**
 * A cart as the shopper sees it now. The cart stores no prices: every view reads the price list,
 * so a seller's change, or a currency switch, shows at once.
 */
export async function buildCartView(tx: Tx, cartId: string | null, preferences: CartPreferences): Promise<CartView> {
  const rows = cartId
    ? await tx.cartLine.findMany({ where: { cartId }, include: lineInclude(preferences), orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
    : [];
  const lines = rows.map(toLineView);
  return {
    currency: preferences.currency,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: lines.reduce((sum, line) => sum + (line.total ?? 0n), 0n),
    readyForCheckout: lines.length > 0 && lines.every((line) => line.problem === null),
  };
}

/**
 * The shopper's cart, empty when they have none (none is created by looking). The cart follows
 * the shopper's currency and language, so a checkout, or a reminder sent later, quotes what they
 * last saw; the write is idempotent.
 */
export async function getCart(tx: Tx, shopper: CartShopper): Promise<CartView> {
  const preferences = shopperPreferences(shopper);
  const cart = await findOpenCart(tx, shopper.owner);
  if (cart && (cart.currency !== preferences.currency || cart.locale !== preferences.locale)) {
    await tx.cart.update({ where: { id: cart.id }, data: preferences });
  }
  return buildCartView(tx, cart?.id ?? null, preferences);
}

/** Units in the shopper's cart, for the header: no prices or stock to read. */
export async function countCartItems(tx: Tx, owner: CartShopper["owner"]): Promise<number> {
  const cart = await findOpenCart(tx, owner);
  if (!cart) return 0;
  const { _sum } = await tx.cartLine.aggregate({ where: { cartId: cart.id }, _sum: { quantity: true } });
  return _sum.quantity ?? 0;
}
