/** The checkout offer as the page receives it (orders.quote's output). */
export interface ShippingOptionView {
  rateId: string;
  name: string;
  amount: bigint;
}

export interface InstallmentView {
  count: number;
  amount: bigint;
  total: bigint;
  interest: bigint;
  interestFree: boolean;
}

export interface OfferView {
  currency: string;
  subtotal: bigint;
  shippingOptions: ShippingOptionView[];
  shipping: ShippingOptionView | null;
  paymentMethods: Array<"pix" | "boleto" | "card">;
  installments: InstallmentView[];
  sandbox: boolean;
  cardForm: CardFormView | null;
  sandboxCards: Array<{ token: string; outcome: "approved" | "declined" }>;
}

export interface CardFormView {
  provider: "stripe" | "mercadopago";
  scriptUrl: string;
  publicKey: string;
}
