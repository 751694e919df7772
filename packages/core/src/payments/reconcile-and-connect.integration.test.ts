import { randomUUID } from "node:crypto";
import { withTenant } from "@primestore/db";
import { beforeAll, describe, expect, it } from "vitest";
import { buyOne, connectMercadoPago, connectStripe, fakePaymentProviders, seededDemoStores, useProviders } from "../testing/index.ts";
import { decryptCredentials, encryptCredentials } from "./credentials.ts";
import { connectedAccount, finishConnect, reconcileDay, refreshExpiringAccounts, startConnect, syncPaymentInTx } from "./index.ts";

const demo = seededDemoStores();
const fakes = fakePaymentProviders();
const admin = () => demo.database.admin;

/** Aurora's MP tokens, made to expire `ms` from now (row and sealed credentials alike); returns the old ones. */
async function expireAuroraTokensIn(ms: number) {
  const stored = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.aurora.id, provider: "mercadopago" } });
  const old = decryptCredentials(fakes.gateway.encryptionKey, demo.aurora.id, stored.credentials);
  const expiresAt = new Date(Date.now() + ms);
  await admin().paymentAccount.update({
    where: { id: stored.id },
    data: { expiresAt, credentials: encryptCredentials(fakes.gateway.encryptionKey, demo.aurora.id, { ...old, expiresAt }) },
  });
  return old;
}

beforeAll(async () => {
  await connectStripe(demo.database.app, fakes.gateway, fakes.stripe, demo.summit);
  await useProviders(admin(), demo.summit, { card: "stripe" }, ["card"]);
  await connectMercadoPago(demo.database.app, fakes.gateway, fakes.mercadopago, demo.aurora, 7001);
  await useProviders(admin(), demo.aurora, { pix: "mercadopago", card: "mercadopago" }, ["pix", "card"]);
});

describe("the daily reconciliation", () => {
  it("reports what the providers hold and the books don't, once per difference, and nothing for what agrees", async () => {
    const agreeing = (await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" })).payment;
    const refundedThere = (await buyOne(demo.database.app, admin(), fakes.gateway, demo.summit, "USD", "card", { token: "pm_card_visa" })).payment;
    // Their `payment_intent.succeeded` webhooks arrived: the fees Stripe kept are booked.
    for (const payment of [agreeing, refundedThere]) {
      const snapshot = await fakes.gateway.providers.stripe!.getPayment(payment.providerPaymentId!);
      await withTenant(demo.database.app, demo.summit.id, (tx) => syncPaymentInTx(tx, demo.summit.id, payment.id, snapshot));
    }
    await fakes.gateway.providers.stripe!.refund({ providerPaymentId: refundedThere.providerPaymentId!, amount: 900n, idempotencyKey: randomUUID() });
    const paidThere = (await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "pix", {})).payment;
    fakes.mercadopago.setPaymentStatus(paidThere.providerPaymentId!, "approved");

    const today = new Date();
    const run = await reconcileDay(admin(), demo.database.app, fakes.gateway, today);
    expect(run.checked).toBeGreaterThanOrEqual(3);
    const issues = await admin().reconciliationIssue.findMany({ orderBy: { kind: "asc" } });
    const byPayment = (id: string) => issues.filter((issue) => issue.reference === id).map((issue) => issue.kind);
    expect(byPayment(agreeing.id)).toEqual([]);
    expect(byPayment(refundedThere.id)).toEqual(["refund_mismatch"]);
    expect(issues.find((issue) => issue.reference === refundedThere.id)).toMatchObject({ expected: 0n, actual: 900n, tenantId: demo.summit.id });
    expect(byPayment(paidThere.id)).toEqual(["status_mismatch"]);

    await reconcileDay(admin(), demo.database.app, fakes.gateway, today);
    expect(await admin().reconciliationIssue.count()).toBe(issues.length);
  });
});

describe("connecting a provider account", () => {
  it("refuses a forged or foreign state and stores nothing", async () => {
    const link = new URL(await withTenant(demo.database.app, demo.aurora.id, (tx) => startConnect(tx, fakes.gateway, demo.aurora, "mercadopago")));
    const code = fakes.mercadopago.authorizeSeller(7002, link.searchParams.get("redirect_uri")!);
    // Aurora's state presented by Summit (a link sent to another store's seller): refused.
    await expect(
      withTenant(demo.database.app, demo.summit.id, (tx) => finishConnect(tx, fakes.gateway, demo.summit.id, "mercadopago", { state: link.searchParams.get("state")!, code })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await admin().paymentAccount.count({ where: { tenantId: demo.summit.id, provider: "mercadopago" } })).toBe(0);
  });

  it("won't attach an account another store connected", async () => {
    const aurorasAccount = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.summit.id, provider: "stripe" } });
    const link = new URL(await withTenant(demo.database.app, demo.aurora.id, (tx) => startConnect(tx, fakes.gateway, demo.aurora, "stripe")));
    const state = new URL(link.searchParams.get("return_url")!).searchParams.get("state")!;
    await expect(
      withTenant(demo.database.app, demo.aurora.id, (tx) => finishConnect(tx, fakes.gateway, demo.aurora.id, "stripe", { state, accountId: aurorasAccount.accountId })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps tokens sealed, and refreshes ones close to expiry once however many sweeps race, the new one reaching the seller's payments", async () => {
    const stored = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.aurora.id, provider: "mercadopago" } });
    expect(stored.credentials).not.toMatch(/APP_USR|TG-/);
    const old = await expireAuroraTokensIn(60_000);
    const refreshes = () => fakes.mercadopago.requests.filter((request) => request.path === "/oauth/token").length;
    const before = refreshes();

    const runs = await Promise.all(Array.from({ length: 4 }, () => refreshExpiringAccounts(admin(), demo.database.app, fakes.gateway)));
    expect(runs.flatMap((run) => run.failures)).toEqual([]);
    expect(runs.reduce((sum, run) => sum + run.refreshed, 0)).toBe(1);
    expect(refreshes() - before).toBe(1);
    const refreshed = await admin().paymentAccount.findUniqueOrThrow({ where: { id: stored.id } });
    expect(refreshed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 30 * 86_400_000);
    const account = await withTenant(demo.database.app, demo.aurora.id, (tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"));
    expect(account?.accessToken).not.toBe(old.accessToken);
    const { payment } = await buyOne(demo.database.app, admin(), fakes.gateway, demo.aurora, "BRL", "pix", {});
    expect(await fakes.gateway.providers.mercadopago!.getPayment(payment.providerPaymentId!, account)).toMatchObject({ paymentId: payment.id });
    // Nothing left to refresh: the next sweep asks MP nothing.
    expect(await refreshExpiringAccounts(admin(), demo.database.app, fakes.gateway)).toEqual({ refreshed: 0, failures: [] });
    expect(refreshes() - before).toBe(1);
  });

  it("won't use an expired token, and says the store must connect again", async () => {
    const live = await admin().paymentAccount.findFirstOrThrow({ where: { tenantId: demo.aurora.id, provider: "mercadopago" } });
    await admin().paymentAccount.update({ where: { id: live.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await expect(withTenant(demo.database.app, demo.aurora.id, (tx) => connectedAccount(tx, fakes.gateway, demo.aurora.id, "mercadopago"))).rejects.toMatchObject({
      code: "PAYMENT_PROVIDER_UNAVAILABLE",
    });
    await admin().paymentAccount.update({ where: { id: live.id }, data: { expiresAt: live.expiresAt } });
  });
});
