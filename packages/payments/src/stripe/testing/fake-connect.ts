import { invalidRequest, noSuch } from "./fake-stripe-error.ts";
import { adjustBalance, type FakeAccount, type FakeStripeState, type FakeTransfer, newId, type PayoutInterval, unixNow } from "./fake-stripe-state.ts";
import { type FormParams, metadataParam, objectParam, requiredAmountParam, requiredStringParam, stringParam } from "./form-params.ts";

const ACCOUNT_TYPES = new Set<FakeAccount["type"]>(["express", "standard", "custom"]);
const PAYOUT_INTERVALS = new Set<PayoutInterval>(["manual", "daily", "weekly", "monthly"]);
const LINK_LIFETIME_SECONDS = 300;

export function createAccount(state: FakeStripeState, params: FormParams): FakeAccount {
  const type = requiredStringParam(params, "type") as FakeAccount["type"];
  if (!ACCOUNT_TYPES.has(type)) throw invalidRequest(`Invalid account type: ${type}`, { param: "type" });
  const capabilities: FakeAccount["capabilities"] = {};
  for (const [name, request] of Object.entries(objectParam(params, "capabilities"))) {
    if (typeof request === "object" && !Array.isArray(request) && request.requested === "true") capabilities[name] = "inactive";
  }
  const account: FakeAccount = {
    id: newId("acct"),
    object: "account",
    capabilities,
    charges_enabled: false,
    created: unixNow(),
    details_submitted: false,
    metadata: metadataParam(params),
    payouts_enabled: false,
    settings: { payouts: { schedule: { interval: payoutIntervalParam(params) ?? "daily" } } },
    type,
  };
  state.accounts.set(account.id, account);
  return account;
}

/** `POST /v1/accounts/:id`: of an account's settings, only the payout schedule is modelled. */
export function updateAccount(state: FakeStripeState, id: string, params: FormParams): FakeAccount {
  const account = retrieveAccount(state, id);
  const interval = payoutIntervalParam(params);
  if (interval) account.settings.payouts.schedule.interval = interval;
  account.metadata = { ...account.metadata, ...metadataParam(params) };
  return account;
}

function payoutIntervalParam(params: FormParams): PayoutInterval | undefined {
  const schedule = objectParam(objectParam(objectParam(params, "settings"), "payouts"), "schedule");
  const interval = stringParam(schedule, "interval");
  if (interval === undefined) return undefined;
  if (!PAYOUT_INTERVALS.has(interval as PayoutInterval)) throw invalidRequest(`Invalid interval: ${interval}`, { param: "settings[payouts][schedule][interval]" });
  return interval as PayoutInterval;
}

export function retrieveAccount(state: FakeStripeState, id: string): FakeAccount {
  const account = state.accounts.get(id);
  if (!account) throw noSuch("account", id, "account");
  return account;
}

/** Test helper, not an endpoint: the seller finishes Stripe's onboarding. */
export function completeOnboarding(state: FakeStripeState, id: string): FakeAccount {
  const account = retrieveAccount(state, id);
  account.details_submitted = true;
  account.charges_enabled = true;
  account.payouts_enabled = true;
  // Only what was requested turns on: an account created without `transfers` still can't be paid.
  account.capabilities = Object.fromEntries(Object.keys(account.capabilities).map((name) => [name, "active"]));
  return account;
}

export function createAccountLink(state: FakeStripeState, params: FormParams, baseUrl: string) {
  const account = retrieveAccount(state, requiredStringParam(params, "account"));
  const type = requiredStringParam(params, "type");
  if (type !== "account_onboarding" && type !== "account_update") throw invalidRequest(`Invalid type: ${type}`, { param: "type" });
  const refreshUrl = requiredStringParam(params, "refresh_url");
  const returnUrl = requiredStringParam(params, "return_url");
  const created = unixNow();
  // Not a real onboarding page: it names where the seller would go back to, for tests to follow.
  const url = new URL(`/setup/e/${account.id}/${newId("link").slice(5)}`, baseUrl);
  url.searchParams.set("return_url", returnUrl);
  url.searchParams.set("refresh_url", refreshUrl);
  return { object: "account_link" as const, created, expires_at: created + LINK_LIFETIME_SECONDS, url: url.toString() };
}

/** Stripe refuses to move money to an account until its `transfers` capability is active. */
export function requireTransferCapableAccount(state: FakeStripeState, id: string, param: string): FakeAccount {
  const account = state.accounts.get(id);
  if (!account) throw noSuch("destination", id, param);
  if (account.capabilities.transfers !== "active") {
    throw invalidRequest("Your destination account needs to have at least one of the following capabilities enabled: transfers", {
      code: "insufficient_capabilities_for_transfer",
      param,
    });
  }
  return account;
}

export function createTransfer(state: FakeStripeState, params: FormParams): FakeTransfer {
  const destination = requiredStringParam(params, "destination");
  requireTransferCapableAccount(state, destination, "destination");
  const sourceTransaction = stringParam(params, "source_transaction");
  if (sourceTransaction && state.charges.get(sourceTransaction)?.status !== "succeeded") throw noSuch("charge", sourceTransaction, "source_transaction");
  return createTransferRecord(state, {
    amount: requiredAmountParam(params, "amount"),
    currency: requiredStringParam(params, "currency"),
    description: stringParam(params, "description") ?? null,
    destination,
    metadata: metadataParam(params),
    source_transaction: sourceTransaction ?? null,
    transfer_group: stringParam(params, "transfer_group") ?? null,
  });
}

/**
 * A transfer to a connected account (a destination charge's automatic one included), credited to
 * that account's balance at once. The platform's balance is not modelled: every transfer is funded.
 */
export function createTransferRecord(
  state: FakeStripeState,
  fields: Pick<FakeTransfer, "amount" | "currency" | "destination" | "source_transaction" | "transfer_group"> & Partial<FakeTransfer>,
): FakeTransfer {
  const transfer: FakeTransfer = {
    id: newId("tr"),
    object: "transfer",
    amount_reversed: 0,
    created: unixNow(),
    description: null,
    metadata: {},
    reversed: false,
    ...fields,
  };
  state.transfers.set(transfer.id, transfer);
  adjustBalance(state, transfer.destination, transfer.currency, transfer.amount);
  return transfer;
}
