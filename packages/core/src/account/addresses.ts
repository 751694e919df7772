import type { Tx } from "@primestore/db";
import type { z } from "zod";
import { AppError } from "../errors/index.ts";
import type { addressInput } from "../orders/schemas.ts";
import {
  addressId,
  addressUpdateInput,
  newAddressInput,
  type AddressId,
  type AddressUpdateInput,
  type AddressView,
  type NewAddressInput,
} from "./schemas.ts";

/** Enough for home, work and a few family members; an address book is not a mailing list. */
export const MAX_ADDRESSES = 20;

const select = {
  id: true,
  name: true,
  line1: true,
  number: true,
  line2: true,
  district: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  phone: true,
  taxId: true,
  isDefault: true,
} as const;

/**
 * Address writes of one customer take turns (a row lock on the customer), so two tabs setting
 * different defaults can't leave two.
 */
async function lockAddressBook(tx: Tx, customerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customerId}::uuid FOR UPDATE`;
}

/** Optional fields left empty are cleared on an update, not kept from before. */
function addressRow(address: z.infer<typeof addressInput>) {
  const { number, line2, district, phone, taxId, ...required } = address;
  return { ...required, number: number ?? null, line2: line2 ?? null, district: district ?? null, phone: phone ?? null, taxId: taxId ?? null };
}

async function ownAddress(tx: Tx, customerId: string, id: string) {
  const address = await tx.address.findFirst({ where: { id, customerId } });
  if (!address) throw new AppError("NOT_FOUND", `Address ${id} not found`);
  return address;
}

async function makeDefault(tx: Tx, customerId: string, id: string): Promise<void> {
  await tx.address.updateMany({ where: { customerId, isDefault: true, id: { not: id } }, data: { isDefault: false } });
  await tx.address.update({ where: { id }, data: { isDefault: true } });
}

/** The default first, then in the order they were added. */
export function listAddresses(tx: Tx, customerId: string): Promise<AddressView[]> {
  return tx.address.findMany({ where: { customerId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }], select });
}

/** The first address is the default whatever the form said: checkout needs one to suggest. */
export async function createAddress(tx: Tx, customer: { tenantId: string; id: string }, input: NewAddressInput): Promise<AddressView> {
  const { address, isDefault } = newAddressInput.parse(input);
  await lockAddressBook(tx, customer.id);
  const count = await tx.address.count({ where: { customerId: customer.id } });
  if (count >= MAX_ADDRESSES) throw new AppError("VALIDATION", `At most ${MAX_ADDRESSES} addresses`, { field: "address" });
  const created = await tx.address.create({ data: { tenantId: customer.tenantId, customerId: customer.id, ...addressRow(address) }, select });
  if (isDefault || count === 0) await makeDefault(tx, customer.id, created.id);
  return { ...created, isDefault: isDefault || count === 0 };
}

/** Unticking "default" on the default address changes nothing: there is always one while any exists. */
export async function updateAddress(tx: Tx, customerId: string, input: AddressUpdateInput): Promise<AddressView> {
  const { id, address, isDefault } = addressUpdateInput.parse(input);
  await lockAddressBook(tx, customerId);
  await ownAddress(tx, customerId, id);
  await tx.address.update({ where: { id }, data: addressRow(address) });
  if (isDefault) await makeDefault(tx, customerId, id);
  return tx.address.findUniqueOrThrow({ where: { id }, select });
}

/** Deleting the default hands the role to the oldest address left. */
export async function deleteAddress(tx: Tx, customerId: string, input: AddressId): Promise<void> {
  const { id } = addressId.parse(input);
  await lockAddressBook(tx, customerId);
  const address = await ownAddress(tx, customerId, id);
  await tx.address.delete({ where: { id } });
  if (!address.isDefault) return;
  const next = await tx.address.findFirst({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
}

export async function setDefaultAddress(tx: Tx, customerId: string, input: AddressId): Promise<void> {
  const { id } = addressId.parse(input);
  await lockAddressBook(tx, customerId);
  await ownAddress(tx, customerId, id);
  await makeDefault(tx, customerId, id);
}
