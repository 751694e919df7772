import type Stripe from "stripe";
import type { AccountCredentials, ConnectedAccount } from "../provider.ts";

export interface OnboardingInput {
  state: string;
  returnUrl: string;
  account?: ConnectedAccount;
  /** Where Stripe sends a seller whose link expired or was already used; defaults to `returnUrl`. */
  refreshUrl?: string;
}

/**
 * Our payouts pay each connected account's balance out ourselves (Payouts API), on the store's
 * schedule: Stripe's own automatic payouts (daily by default) would race them for that balance.
 */
const MANUAL_PAYOUTS = { payouts: { schedule: { interval: "manual" as const } } };

/**
 * Stripe-hosted onboarding for a seller: an Express account with manual payouts (created on the first visit; later
 * visits pass the stored one so the seller resumes it) and a single-use link to its form. Both
 * return URLs carry `state` and `accountId` back, because Stripe appends nothing to them. Both
 * creates are keyed by `state`: a double click makes one account, and a new attempt needs a new
 * state, or it gets the first attempt's (by then expired) link back.
 */
export async function onboardingUrl(stripe: Stripe, input: OnboardingInput): Promise<string> {
  const accountId =
    input.account?.accountId ??
    // Destination charges and transfers both need `transfers` on the receiving account.
    (
      await stripe.accounts.create(
        { type: "express", capabilities: { transfers: { requested: true } }, settings: MANUAL_PAYOUTS },
        { idempotencyKey: `connect-account:${input.state}` },
      )
    ).id;
  const back = (url: string) => {
    const withIds = new URL(url);
    withIds.searchParams.set("state", input.state);
    withIds.searchParams.set("accountId", accountId);
    return withIds.toString();
  };
  const link = await stripe.accountLinks.create(
    { account: accountId, type: "account_onboarding", return_url: back(input.returnUrl), refresh_url: back(input.refreshUrl ?? input.returnUrl) },
    { idempotencyKey: `connect-link:${input.state}:${accountId}` },
  );
  return link.url;
}

/**
 * Confirms the account exists and is connected to us (Stripe refuses to show anyone else's) and
 * returns it even when the seller left onboarding unfinished: storing it lets the next visit resume
 * the same account instead of opening another. Whether it can be paid yet (`charges_enabled`,
 * `transfers` active) is Stripe's to say later, in `account.updated` events. An account created
 * before we asked for manual payouts is switched to them here.
 */
export async function finishOnboarding(stripe: Stripe, accountId: string | undefined): Promise<AccountCredentials> {
  if (!accountId) throw new Error("Stripe onboarding returns with an accountId, not a code");
  const account = await stripe.accounts.retrieve(accountId);
  if (account.settings?.payouts?.schedule?.interval !== "manual") await stripe.accounts.update(account.id, { settings: MANUAL_PAYOUTS });
  return { accountId: account.id, ready: canTakeMoney(account) };
}

/** Destination charges need the account's `transfers` capability; our payouts need payouts enabled. */
export function canTakeMoney(account: Stripe.Account): boolean {
  return account.capabilities?.transfers === "active" && account.payouts_enabled === true;
}

export async function accountReady(stripe: Stripe, accountId: string): Promise<boolean> {
  return canTakeMoney(await stripe.accounts.retrieve(accountId));
}
