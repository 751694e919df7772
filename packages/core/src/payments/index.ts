export {
  connectedAccount,
  connectReturnUrl,
  disconnectPaymentAccount,
  finishConnect,
  listPaymentAccounts,
  refreshAccount,
  refreshExpiringAccounts,
  startConnect,
  usableProviders,
  type ConnectableProvider,
} from "./accounts.ts";
export { storeSlugOfConnectState } from "./connect-state.ts";
export { configuredProviders, providerOf, type PaymentGateway } from "./gateway.ts";
export { processWebhook, type WebhookProcessing } from "./process-webhook.ts";
export { receiveWebhook, type WebhookProvider, type WebhookReceipt } from "./receive-webhook.ts";
export { askProvider, requestRefund, retryPendingRefunds, type RefundRequest, type RefundSummary } from "./request-refund.ts";
export { commissionToReverse } from "./refund-outcome.ts";
export { executePayout, openDuePayouts, openPayouts, openPayoutsFor, payoutDue, requestPayout } from "./payouts.ts";
export { recordDueMoneyReleases } from "./money-releases.ts";
export { compareWithProvider, openReconciliationIssues, reconcileDay, type Mismatch } from "./reconcile.ts";
export { syncPaymentInTx } from "./sync-payment.ts";
export { refreshPayment } from "./refresh-payment.ts";
export { paymentGatewayFromEnv } from "./gateway-from-env.ts";
export { paymentSettings, paymentSettingsInput, updatePaymentSettings, type PaymentSettingsInput } from "./settings.ts";
export { financeOverview, payoutStatement } from "./finance.ts";
export { encryptCredentials } from "./credentials.ts";
