import type { serverApi } from "../../lib/api.server.ts";
import { fieldProblems, readFields, type FieldProblem } from "../../lib/form-values.server.ts";

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

export const addressFields = ["name", "line1", "number", "line2", "district", "city", "region", "postalCode", "country", "phone", "taxId"] as const;
export type AddressField = (typeof addressFields)[number];
export type AddressValues = Record<AddressField, string>;

export const addressIntents = ["create", "update", "delete", "default"] as const;
export type AddressIntent = (typeof addressIntents)[number];

export interface AddressChange {
  intent: AddressIntent;
  /** The address acted on; empty for a new one. */
  id: string;
  values: AddressValues;
}

export function readAddressChange(form: FormData): AddressChange | null {
  const intent = form.get("intent");
  if (!addressIntents.includes(intent as AddressIntent)) return null;
  return { intent: intent as AddressIntent, id: readFields(form, ["id"] as const).id, values: readFields(form, addressFields) };
}

/** What the shopper typed, as the API's address: empty optional fields are absent. */
function addressInput(values: AddressValues) {
  const optional = (value: string) => value || undefined;
  return {
    ...values,
    number: optional(values.number),
    line2: optional(values.line2),
    district: optional(values.district),
    phone: optional(values.phone),
    taxId: optional(values.taxId),
    country: values.country.toUpperCase(),
  };
}

export async function applyAddressChange(api: Api, change: AddressChange, isDefault: boolean): Promise<void> {
  const { intent, id, values } = change;
  switch (intent) {
    case "create":
      await api.account.createAddress({ address: addressInput(values), isDefault });
      return;
    case "update":
      await api.account.updateAddress({ id, address: addressInput(values), isDefault });
      return;
    case "delete":
      await api.account.deleteAddress({ id });
      return;
    case "default":
      await api.account.setDefaultAddress({ id });
      return;
  }
}

export function addressProblems(invalidPaths: readonly string[], values: AddressValues): Partial<Record<AddressField, FieldProblem>> {
  return fieldProblems(invalidPaths, values, "address.");
}
