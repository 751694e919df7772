import { router } from "../../trpc.ts";
import { connectRoute } from "./connect.ts";
import { disconnectRoute } from "./disconnect.ts";
import { financeRoute } from "./finance.ts";
import { finishConnectRoute } from "./finish-connect.ts";
import { payoutStatementRoute } from "./payout-statement.ts";
import { reconciliationIssuesRoute } from "./reconciliation-issues.ts";
import { refundRoute } from "./refund.ts";
import { requestPayoutRoute } from "./request-payout.ts";
import { paymentSettingsRoute } from "./settings.ts";
import { updatePaymentSettingsRoute } from "./update-settings.ts";

export const paymentsRouter = router({
  settings: paymentSettingsRoute,
  updateSettings: updatePaymentSettingsRoute,
  connect: connectRoute,
  finishConnect: finishConnectRoute,
  disconnect: disconnectRoute,
  refund: refundRoute,
  finance: financeRoute,
  payoutStatement: payoutStatementRoute,
  requestPayout: requestPayoutRoute,
  reconciliationIssues: reconciliationIssuesRoute,
});
