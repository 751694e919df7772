import { z } from "zod";
import { addressInput } from "../orders/schemas.ts";

const email = z.email().max(254).transform((value) => value.toLowerCase());
/** The shopper's language, remembered on the account and used for the emails it receives. */
const locale = z.string().min(2).max(10);

/** Long enough to resist guessing once argon2id has slowed it down; long passphrases welcome. */
export const MIN_PASSWORD_LENGTH = 8;
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200);

export const signUpInput = z.object({ name: z.string().trim().min(1).max(120), email, password: newPassword, locale });
export type SignUpInput = z.infer<typeof signUpInput>;

export const customerSignInInput = z.object({ email, password: z.string().min(1).max(200), locale });
export type CustomerSignInInput = z.infer<typeof customerSignInInput>;

export const passwordResetRequestInput = z.object({ email, locale });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestInput>;

export const passwordResetInput = z.object({ token: z.string().min(20).max(100), password: newPassword });
export type PasswordResetInput = z.infer<typeof passwordResetInput>;

export const sessionCustomerView = z.object({ id: z.uuid(), email: z.string(), name: z.string(), locale: z.string().nullable() });

export const addressId = z.object({ id: z.uuid() });
export type AddressId = z.infer<typeof addressId>;
/** The checkout's own address rules (BR: CEP and CPF/CNPJ checked), so a saved address can always ship. */
export const newAddressInput = z.object({ address: addressInput, isDefault: z.boolean().default(false) });
export type NewAddressInput = z.input<typeof newAddressInput>;
export const addressUpdateInput = newAddressInput.extend(addressId.shape);
export type AddressUpdateInput = z.input<typeof addressUpdateInput>;

export const addressView = z.object({
  id: z.uuid(),
  name: z.string(),
  line1: z.string(),
  number: z.string().nullable(),
  line2: z.string().nullable(),
  district: z.string().nullable(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  taxId: z.string().nullable(),
  isDefault: z.boolean(),
});
export type AddressView = z.infer<typeof addressView>;

export const ORDERS_PAGE_SIZE = 20;
/** Newest first; `after` is the last order id of the previous page (ids are time-ordered UUIDv7). */
export const orderHistoryInput = z.object({ after: z.uuid().optional(), limit: z.number().int().min(1).max(50).default(ORDERS_PAGE_SIZE) });
export type OrderHistoryInput = z.input<typeof orderHistoryInput>;

export const orderSummaryView = z.object({
  number: z.number().int(),
  status: z.string(),
  placedAt: z.date(),
  total: z.bigint(),
  currency: z.string(),
  itemCount: z.number().int(),
});
export const orderHistoryPage = z.object({ orders: z.array(orderSummaryView), nextCursor: z.uuid().nullable() });
export type OrderHistoryPage = z.infer<typeof orderHistoryPage>;

export const orderNumberInput = z.object({ number: z.number().int().positive() });
export type OrderNumberInput = z.infer<typeof orderNumberInput>;
export const guestOrderLookupInput = z.object({ email, number: z.number().int().positive() });
export type GuestOrderLookupInput = z.infer<typeof guestOrderLookupInput>;

export const orderDetailView = z.object({
  number: z.number().int(),
  email: z.string(),
  status: z.string(),
  placedAt: z.date(),
  currency: z.string(),
  subtotal: z.bigint(),
  shippingTotal: z.bigint(),
  shippingMethod: z.string().nullable(),
  discountTotal: z.bigint(),
  taxTotal: z.bigint(),
  total: z.bigint(),
  lines: z.array(z.object({ id: z.uuid(), sku: z.string(), title: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), total: z.bigint() })),
  shippingAddress: addressView.omit({ id: true, isDefault: true, taxId: true }).nullable(),
  payments: z.array(z.object({ id: z.uuid(), method: z.string(), status: z.string(), installments: z.number().int(), amount: z.bigint(), interestAmount: z.bigint() })),
  timeline: z.array(z.object({ status: z.string(), note: z.string().nullable(), at: z.date() })),
  fulfillments: z.array(
    z.object({
      id: z.uuid(),
      status: z.string(),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      shippedAt: z.date().nullable(),
      lineIds: z.array(z.uuid()),
    }),
  ),
});
export type OrderDetailView = z.infer<typeof orderDetailView>;
