import type { Page } from "playwright-core";

/** The checkout form's fields by their `name`; absent ones stay empty. */
export type CheckoutForm = Partial<Record<"email" | "name" | "line1" | "number" | "city" | "region" | "postalCode" | "country" | "taxId", string>>;

export async function fillCheckout(page: Page, form: CheckoutForm): Promise<void> {
  for (const [field, value] of Object.entries(form)) await page.fill(`input[name=${field}]`, value);
}

/** A complete Brazilian shipping address (valid CPF), for shoppers whose address isn't the point. */
export const paulistaAddress: CheckoutForm = {
  line1: "Avenida Paulista",
  number: "1000",
  city: "São Paulo",
  region: "SP",
  postalCode: "01310-100",
  country: "BR",
  taxId: "529.982.247-25",
};
