import { describe, expect, it } from "vitest";
import { createTestPaymentProvider, TEST_DECLINE_TOKEN } from "./index.ts";

const base = {
  amount: 1990n,
  currency: "BRL",
  method: "test" as const,
  installments: 1,
  payerEmail: "ana@example.com",
  description: "Pedido #1",
  fields: {},
};

describe("test payment provider", () => {
  it("approves and answers a repeated idempotency key with the same payment", async () => {
    const provider = createTestPaymentProvider();
    const first = await provider.createPayment({ ...base, idempotencyKey: "k1" });
    const again = await provider.createPayment({ ...base, idempotencyKey: "k1" });
    expect(first.status).toBe("paid");
    expect(again).toEqual(first);
  });

  it("declines the decline token with a failure code", async () => {
    const provider = createTestPaymentProvider();
    const result = await provider.createPayment({ ...base, idempotencyKey: "k2", fields: { token: TEST_DECLINE_TOKEN } });
    expect(result).toMatchObject({ status: "failed", failureCode: "card_declined" });
  });
});
