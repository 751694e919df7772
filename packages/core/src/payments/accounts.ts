import { type Db, type Tx, withTenant } from "@primestore/db";
import type { CardFormConfig, ConnectedAccount, PaymentProvider, ProviderId } from "@primestore/payments";
import { AppError, isUniqueViolation } from "../errors/index.ts";
import { connectState, verifyConnectState } from "./connect-state.ts";
import { decryptCredentials, encryptCredentials } from "./credentials.ts";
import { type PaymentGateway, providerOf } from "./gateway.ts";

/** Tokens are refreshed this long before they expire, so a few failed sweeps still leave time. */
const REFRESH_AHEAD_MS = 7 * 24 * 3600_000;

export type ConnectableProvider = Exclude<ProviderId, "test">;

/**
 * Where a provider sends a seller back to: the portal's callback, one fixed address per provider
 * (Mercado Pago accepts only its registered redirect URI); the signed state names the store.
 */
export function connectReturnUrl(gateway: PaymentGateway, provider: ConnectableProvider): string {
  return `${gateway.portalUrl}/connect/${provider}`;
}

/** Where a seller goes to connect their provider account to this store. */
export async function startConnect(tx: Tx, gateway: PaymentGateway, store: { id: string; slug: string }, provider: ConnectableProvider): Promise<string> {
  const existing = await tx.paymentAccount.findUnique({ where: { tenantId_provider: { tenantId: store.id, provider } } });
  const account = existing ? { accountId: existing.accountId } : undefined;
  const state = connectState(gateway.encryptionKey, store, provider);
  return providerOf(gateway, provider).connectUrl({ state, returnUrl: connectReturnUrl(gateway, provider), account });
}

/** Finishes the connection the provider sent the seller back with; stores the credentials sealed. */
export async function finishConnect(
  tx: Tx,
  gateway: PaymentGateway,
  tenantId: string,
  provider: ConnectableProvider,
  callback: { state: string; code?: string; accountId?: string },
): Promise<{ accountId: string }> {
  if (!verifyConnectState(gateway.encryptionKey, callback.state, tenantId, provider)) throw new AppError("FORBIDDEN", "The connection link is invalid or expired");
  const { ready, ...credentials } = await providerOf(gateway, provider).completeConnect({ ...callback, returnUrl: connectReturnUrl(gateway, provider) });
  const sealed = encryptCredentials(gateway.encryptionKey, tenantId, credentials);
  // An account still onboarding is kept (the seller resumes it) but offered at checkout only once
  // the provider says it can take money (its account webhooks, see syncAccountReadiness).
  const status = ready === false ? ("pending" as const) : ("active" as const);
  const data = { accountId: credentials.accountId, credentials: sealed, status, expiresAt: credentials.expiresAt ?? null };
  await tx.paymentAccount.upsert({ where: { tenantId_provider: { tenantId, provider } }, create: { tenantId, provider, ...data }, update: data }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "This provider account is connected to another store");
    throw error;
  });
  return { accountId: credentials.accountId };
}

/**
 * The store's account at a provider, decrypted for one call. The test provider needs none. It never
 * refreshes a token itself (refreshExpiringAccounts does, ahead of time): a refresh token works
 * once, so a refresh inside a transaction that later rolls back would lose the only live tokens.
 */
export async function connectedAccount(tx: Tx, gateway: PaymentGateway, tenantId: string, provider: ProviderId, now = new Date()): Promise<ConnectedAccount | undefined> {
  if (provider === "test") return undefined;
  const row = await tx.paymentAccount.findUnique({ where: { tenantId_provider: { tenantId, provider } } });
  if (row?.status !== "active") throw new AppError("PAYMENT_PROVIDER_UNAVAILABLE", `The store has no active ${provider} account`);
  if (row.expiresAt && row.expiresAt <= now) throw new AppError("PAYMENT_PROVIDER_UNAVAILABLE", `The store's ${provider} connection expired; it must connect again`);
  const credentials = decryptCredentials(gateway.encryptionKey, tenantId, row.credentials);
  return { accountId: credentials.accountId, accessToken: credentials.accessToken };
}

/**
 * Refreshes the store's tokens if they expire within REFRESH_AHEAD_MS, in a transaction of its own
 * that holds the account's row: a concurrent refresh waits, then finds the new tokens and leaves
 * them. The provider's answer is stored before anything else can fail.
 */
export async function refreshAccount(db: Db, gateway: PaymentGateway, tenantId: string, provider: ProviderId, now = new Date()): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    await tx.$queryRaw`SELECT id FROM payment_accounts WHERE "tenantId" = ${tenantId}::uuid AND provider = ${provider}::"PaymentProvider" FOR UPDATE`;
    const row = await tx.paymentAccount.findUnique({ where: { tenantId_provider: { tenantId, provider } } });
    if (row?.status !== "active" || !row.expiresAt || row.expiresAt.getTime() - now.getTime() >= REFRESH_AHEAD_MS) return false;
    const current = decryptCredentials(gateway.encryptionKey, tenantId, row.credentials);
    // A refresh answer may leave out what doesn't change (the seller's public key): keep it.
    const credentials = { ...current, ...(await providerOf(gateway, provider).refreshCredentials(current)) };
    await tx.paymentAccount.update({
      where: { id: row.id },
      data: { credentials: encryptCredentials(gateway.encryptionKey, tenantId, credentials), expiresAt: credentials.expiresAt ?? null },
    });
    return true;
  });
}

/** The scheduled sweep: every active connection across stores whose tokens expire soon, refreshed one by one. */
export async function refreshExpiringAccounts(adminDb: Db, db: Db, gateway: PaymentGateway, now = new Date()) {
  const expiring = await adminDb.paymentAccount.findMany({
    where: { status: "active", expiresAt: { lt: new Date(now.getTime() + REFRESH_AHEAD_MS) } },
    select: { tenantId: true, provider: true },
    orderBy: { expiresAt: "asc" },
  });
  const outcome = { refreshed: 0, failures: [] as Array<{ tenantId: string; provider: ProviderId; error: string }> };
  for (const account of expiring) {
    try {
      if (await refreshAccount(db, gateway, account.tenantId, account.provider, now)) outcome.refreshed++;
    } catch (error) {
      // Refused (revoked by the seller) or an outage: tried again next run, until the token expires.
      outcome.failures.push({ ...account, error: String(error).slice(0, 300) });
    }
  }
  return outcome;
}

/** The browser card form of the store's card provider: its script and public key (a seller's own, for Mercado Pago). */
export async function cardFormOf(tx: Tx, gateway: PaymentGateway, tenantId: string, provider: PaymentProvider): Promise<CardFormConfig | undefined> {
  if (!provider.cardForm) return undefined;
  const row = await tx.paymentAccount.findUnique({ where: { tenantId_provider: { tenantId, provider: provider.id } }, select: { credentials: true } });
  return provider.cardForm(row ? decryptCredentials(gateway.encryptionKey, tenantId, row.credentials) : undefined);
}

/** A provider's word on whether a connected account can take money now: active or pending. */
export async function syncAccountReadiness(tx: Tx, gateway: PaymentGateway, provider: ProviderId, accountId: string): Promise<void> {
  const check = providerOf(gateway, provider).accountReady;
  if (!check) return;
  const status = (await check(accountId)) ? "active" : "pending";
  await tx.paymentAccount.updateMany({ where: { provider, accountId, status: { not: "disconnected" } }, data: { status } });
}

/** What staff may see of the store's connections: never a token. */
export function listPaymentAccounts(tx: Tx) {
  return tx.paymentAccount.findMany({
    select: { provider: true, accountId: true, status: true, expiresAt: true, updatedAt: true },
    orderBy: { provider: "asc" },
  });
}

export async function disconnectPaymentAccount(tx: Tx, tenantId: string, provider: ConnectableProvider): Promise<void> {
  await tx.paymentAccount.updateMany({ where: { tenantId, provider }, data: { status: "disconnected" } });
}

/** The providers a store can take payments with now: the test provider, and those it connected. */
export async function usableProviders(tx: Tx, gateway: PaymentGateway): Promise<Partial<Record<ProviderId, PaymentProvider>>> {
  const active = await tx.paymentAccount.findMany({ where: { status: "active" }, select: { provider: true } });
  return usableAmong(gateway, active.map((account) => account.provider));
}

/** `usableProviders` for a store whose accounts with an active connection are already known. */
export function usableAmong(gateway: PaymentGateway, activeProviders: readonly ProviderId[]): Partial<Record<ProviderId, PaymentProvider>> {
  const usable: Partial<Record<ProviderId, PaymentProvider>> = { test: gateway.providers.test };
  for (const provider of activeProviders) {
    const configured = gateway.providers[provider];
    if (configured) usable[provider] = configured;
  }
  return usable;
}
