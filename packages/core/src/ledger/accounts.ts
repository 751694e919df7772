import { type LedgerAccountKind, PaymentProvider } from "@primestore/db";
import { AppError } from "../errors/index.ts";

/**
 * The chart of accounts. Each tenant has its own rows, created on first use per currency.
 * Entries are signed, debit positive and credit negative, so assets and expenses normally carry
 * a positive balance and liabilities and revenue a negative one.
 */
export const ledgerAccounts = {
  /** Money the provider holds for us after a capture, until it pays out or gives it back. */
  cash: (provider: PaymentProvider) => `cash:${provider}` as const,
  /** What the platform owes the tenant: captures minus commission, fees, refunds and payouts. */
  tenantPayable: "tenant:payable",
  platformCommission: "platform:commission",
  /** What the providers keep of each payment: the platform's cost, paid from its commission. */
  gatewayFees: "gateway:fees",
  /** Lost disputes the platform bears itself rather than charging them to the tenant. */
  chargebacks: "chargebacks",
} as const;

export type AccountCode =
  | ReturnType<typeof ledgerAccounts.cash>
  | (typeof ledgerAccounts)["tenantPayable" | "platformCommission" | "gatewayFees" | "chargebacks"];

const kinds: Readonly<Record<string, LedgerAccountKind>> = {
  ...Object.fromEntries(Object.values(PaymentProvider).map((provider) => [ledgerAccounts.cash(provider), "asset"])),
  [ledgerAccounts.tenantPayable]: "liability",
  [ledgerAccounts.platformCommission]: "revenue",
  [ledgerAccounts.gatewayFees]: "expense",
  [ledgerAccounts.chargebacks]: "expense",
};

/** The kind of a chart account; anything off the chart is a bug in the caller, not input. */
export function accountKind(code: string): LedgerAccountKind {
  const kind = Object.hasOwn(kinds, code) ? kinds[code] : undefined;
  if (!kind) throw new AppError("INTERNAL", `ledger account ${JSON.stringify(code)} is not in the chart of accounts`);
  return kind;
}
