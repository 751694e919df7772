import { databaseErrorOf, type Db, type OrderStatus, type PaymentStatus, type PreparedStatement, runPrepared, type ShippingRateModel, type Tx } from "@primestore/db";
import type { ProviderId } from "@primestore/payments";
import { AppError } from "../errors/index.ts";
import { type CheckoutSettings, parseCheckoutSettings } from "./checkout-settings.ts";
import type { LineVariant } from "./pricing.ts";

/** An order as a checkout reports and resumes it: its state and its (first) payment's. */
export interface OrderState {
  id: string;
  number: number;
  status: OrderStatus;
  total: bigint;
  currency: string;
  email: string;
  payment: { id: string; status: PaymentStatus; providerPaymentId: string | null };
}

/** Everything a checkout is checked and priced against, read in one statement. */
export interface CheckoutBasis {
  /** The order already placed under the checkout's idempotency key: a retry or a double submit. */
  placed: OrderState | null;
  store: { name: string; commissionBps: number };
  settings: CheckoutSettings;
  activeProviders: ProviderId[];
  variants: LineVariant[];
  rate: ShippingRateModel | null;
}

type BasisRow = Omit<CheckoutBasis, "placed" | "settings" | "store"> & {
  placed: (Omit<OrderState, "total"> & { total: string }) | null;
  store: CheckoutBasis["store"] & { checkout: unknown };
};

const checkoutBasisRead: PreparedStatement = {
  name: "primestore_checkout_basis",
  text: "SELECT primestore_checkout_basis($1::uuid, $2, $3::uuid[], $4, $5::uuid) AS basis",
};

const placeOrderWrite: PreparedStatement = { name: "primestore_place_order", text: "SELECT primestore_place_order($1::uuid, $2::jsonb) AS placed" };

/** SQLSTATE primestore_place_order raises when a line's stock is not free; DETAIL names the variant. */
const NOT_ENOUGH_STOCK = "PS409";

/**
 * The SQL function primestore_checkout_basis (docs/decisions/019): it scopes itself to the store,
 * so on the pool it needs no transaction around it; inside one it reads what that transaction sees.
 */
export async function readCheckoutBasis(
  db: Db | Tx,
  tenantId: string,
  query: { idempotencyKey: string; variantIds: readonly string[]; currency: string; shippingRateId: string },
): Promise<CheckoutBasis> {
  const values = [tenantId, query.idempotencyKey, `{${query.variantIds.join(",")}}`, query.currency, query.shippingRateId];
  const [{ basis } = { basis: null }] = await runPrepared<{ basis: BasisRow | null }>(db, checkoutBasisRead, values);
  if (!basis?.store) throw new AppError("TENANT_NOT_FOUND");
  const { placed, store, ...rest } = basis;
  return {
    ...rest,
    placed: placed && { ...placed, total: BigInt(placed.total) },
    store: { name: store.name, commissionBps: store.commissionBps },
    settings: parseCheckoutSettings(store.checkout),
  };
}

/** A priced order with its pending payment and stock holds, as primestore_place_order writes it. */
export interface OrderDraft {
  order: { customerId: string | null; email: string; currency: string; locale: string; subtotal: bigint; shippingTotal: bigint; shippingMethod: string; total: bigint; idempotencyKey: string };
  lines: Array<{ variantId: string; sku: string; title: string; quantity: number; unitPrice: number; total: bigint }>;
  address: Record<string, string | undefined>;
  payment: { provider: ProviderId; method: string; amount: bigint; interestAmount: bigint; installments: number; currency: string; expiresAt: Date };
  /** The cart the order converts, named on its stock holds so an unpaid order can give it back. */
  cartId: string | null;
}

/** Writes the draft in one statement (its own transaction on the pool); out of stock is OUT_OF_STOCK. */
export async function insertOrder(db: Db | Tx, tenantId: string, draft: OrderDraft): Promise<{ id: string; number: number; paymentId: string }> {
  // Amounts go as JSON strings: PostgreSQL reads them into bigint exactly.
  const json = JSON.stringify(draft, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  try {
    const [row] = await runPrepared<{ placed: { id: string; number: number; paymentId: string } }>(db, placeOrderWrite, [tenantId, json]);
    return row!.placed;
  } catch (error) {
    const reported = databaseErrorOf(error);
    if (reported?.code === NOT_ENOUGH_STOCK) throw new AppError("OUT_OF_STOCK", `Not enough stock for ${reported.detail}`, { variantId: reported.detail });
    throw error;
  }
}
