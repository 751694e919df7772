import { describe, expect, it } from "vitest";
import { crc16 } from "./pix-br-code.ts";
import { createTestPaymentProvider, isValidDigitableLine, TEST_DECLINE_TOKEN, WebhookVerificationError } from "./index.ts";

const base = {
  amount: 18990n,
  currency: "BRL",
  installments: 1,
  payerEmail: "ana@example.com",
  description: "Pedido #1",
  fields: {},
};
const expiresAt = new Date("2026-12-01T02:59:59.999Z");

describe("test payment provider", () => {
  it("approves a card and answers a repeated idempotency key with the same payment", async () => {
    const provider = createTestPaymentProvider();
    const first = await provider.createPayment({ ...base, method: "card", installments: 3, idempotencyKey: "k1" });
    const again = await provider.createPayment({ ...base, method: "card", installments: 3, idempotencyKey: "k1" });
    expect(first).toMatchObject({ status: "paid", details: { installments: 3 } });
    expect(again).toEqual(first);
  });

  it("declines the decline token with a failure code", async () => {
    const provider = createTestPaymentProvider();
    const result = await provider.createPayment({ ...base, method: "card", idempotencyKey: "k2", fields: { token: TEST_DECLINE_TOKEN } });
    expect(result).toMatchObject({ status: "failed", failureCode: "card_declined" });
  });

  it("leaves PIX pending with a BR Code for the exact amount, ending in its CRC16", async () => {
    const result = await createTestPaymentProvider().createPayment({ ...base, method: "pix", idempotencyKey: "k3", expiresAt });
    expect(result).toMatchObject({ status: "pending", details: { expiresAt: expiresAt.toISOString() } });
    const qrCode = String(result.details.qrCode);
    expect(qrCode.startsWith("000201010212")).toBe(true);
    expect(qrCode).toContain("0014br.gov.bcb.pix");
    expect(qrCode).toContain("53039865406189.90");
    expect(qrCode.slice(-8, -4)).toBe("6304");
    expect(qrCode.slice(-4)).toBe(crc16(qrCode.slice(0, -4)));
  });

  it("leaves a boleto pending with a valid 47-digit line due on the Brazilian day the payment expires", async () => {
    const result = await createTestPaymentProvider().createPayment({ ...base, method: "boleto", idempotencyKey: "k4", expiresAt });
    expect(result).toMatchObject({ status: "pending", details: { dueDate: "2026-11-30" } });
    const line = String(result.details.digitableLine);
    expect(line).toMatch(/^\d{47}$/);
    expect(isValidDigitableLine(line)).toBe(true);
    // The amount closes the line, the due date factor before it.
    expect(line.slice(-10)).toBe("0000018990");
  });

  it("refuses PIX and boleto outside reais", async () => {
    const result = await createTestPaymentProvider().createPayment({ ...base, currency: "USD", method: "pix", idempotencyKey: "k5", expiresAt });
    expect(result).toMatchObject({ status: "failed", failureCode: "currency_not_supported" });
  });

  it("refunds and pays out at once, answering a repeated key with the same ids", async () => {
    const provider = createTestPaymentProvider();
    const refund = await provider.refund({ providerPaymentId: "test_p1", amount: 500n, idempotencyKey: "r1" });
    expect(refund).toEqual({ providerRefundId: "test_refund_r1", amount: 500n, status: "succeeded" });
    expect(await provider.refund({ providerPaymentId: "test_p1", amount: 500n, idempotencyKey: "r1" })).toEqual(refund);
    const payout = await provider.payout({ account: { accountId: "test" }, amount: 900n, currency: "BRL", idempotencyKey: "po1", requestedAt: new Date() });
    expect(payout).toEqual({ providerPayoutId: "test_payout_po1", status: "paid" });
  });

  it("accepts no webhooks: it sends none", () => {
    const request = { rawBody: "{}", headers: new Headers(), url: new URL("http://localhost/webhooks/test") };
    expect(() => createTestPaymentProvider().parseWebhook(request)).toThrow(WebhookVerificationError);
  });
});
