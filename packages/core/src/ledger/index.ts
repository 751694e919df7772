export { accountKind, ledgerAccounts, type AccountCode } from "./accounts.ts";
export { postedAmount } from "./posted-amount.ts";
export { ledgerEntriesJson, postTransaction, type LedgerEntryInput, type LedgerPosting, type PostResult } from "./post-transaction.ts";
export {
  accountBalance,
  balancesByCurrency,
  payableBalance,
  payableLines,
  providerBalances,
  providerReleases,
  tenantBalances,
  type CurrencyBalance,
  type ProviderBalance,
  type ProviderRelease,
  type TenantBalance,
} from "./balances.ts";
export { trialBalance, unbalancedTransactions, type TrialBalanceLine, type UnbalancedTransaction } from "./books.ts";
export { payableStatement, type PayableStatementLine } from "./statement.ts";
