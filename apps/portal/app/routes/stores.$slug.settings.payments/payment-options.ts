import type { AppRouter } from "@primestore/api/client";
import type { inferRouterOutputs } from "@trpc/server";

export type PaymentSettings = inferRouterOutputs<AppRouter>["payments"]["settings"];
type Checkout = PaymentSettings["checkout"];
export type Method = Checkout["paymentMethods"][number];
export type ProviderId = PaymentSettings["configuredProviders"][number];
export type PayoutSchedule = PaymentSettings["payoutSchedule"];

// The choices the API accepts (checkoutSettingsSchema); `satisfies` makes a value it dropped a type error.
export const METHODS = ["pix", "boleto", "card"] as const satisfies readonly Method[];
/** Which providers can take each method: PIX and boleto are Brazilian, Stripe takes cards only. */
export const METHOD_PROVIDERS = {
  pix: ["test", "mercadopago"],
  boleto: ["test", "mercadopago"],
  card: ["test", "mercadopago", "stripe"],
} as const satisfies { [M in Method]: readonly Checkout["providers"][M][] };
export const PAYOUT_SCHEDULES = ["daily", "weekly", "monthly", "manual"] as const satisfies readonly PayoutSchedule[];
export { CONNECTABLE_PROVIDERS, isConnectable, type ConnectableProvider } from "../../lib/providers.ts";

/** The limits of checkoutSettingsSchema, for the inputs' min/max and the action's checks. */
export const LIMITS = {
  installments: { min: 1, max: 12 },
  monthlyInterestBps: { min: 0, max: 1_000 },
  pixExpiryMinutes: { min: 5, max: 24 * 60 },
  boletoDueDays: { min: 1, max: 30 },
} as const;

/** The fields of the settings form, as the action reports problems with them. */
export type SettingsField = "methods" | `provider.${Method}` | "maxInstallments" | "interestFree" | "monthlyInterest" | "pixExpiryMinutes" | "boletoDueDays" | "payoutSchedule";
export type SettingsProblems = Partial<Record<SettingsField, "required" | "invalid">>;

/** What the seller submitted, sent back with a failure so the form keeps it. */
export interface SettingsValues {
  methods: string[];
  providers: Record<Method, string>;
  maxInstallments: string;
  interestFree: string;
  monthlyInterest: string;
  pixExpiryMinutes: string;
  boletoDueDays: string;
  payoutSchedule: string;
}
