import { describe, expect, it } from "vitest";
import { readRefundForm, refundAmount } from "./refund.server.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  const defaults = { paymentId: "01a225da-1836-7727-aca5-9cb699fd09b4", currency: "BRL", idempotencyKey: "0c7a0b1e-2c55-4b0f-9b5e-3b0c7f1d2e3a", remaining: "8980" };
  for (const [name, value] of Object.entries({ ...defaults, ...fields })) data.set(name, value);
  return data;
};

const amountOf = (fields: Record<string, string>) => {
  const read = readRefundForm(form(fields));
  if (!read) throw new Error("expected a readable form");
  return refundAmount(read);
};

describe("the refund form", () => {
  it("turns the typed amount into minor units exactly", () => {
    expect(amountOf({ amount: "15,00" })).toEqual({ ok: true, amount: 1500n });
    expect(amountOf({ amount: "0.29" })).toEqual({ ok: true, amount: 29n });
    expect(amountOf({ amount: "89,8" })).toEqual({ ok: true, amount: 8980n });
    expect(amountOf({ amount: "100", currency: "JPY" })).toEqual({ ok: true, amount: 100n });
  });

  it("reports what can't be an amount instead of asking for a refund", () => {
    expect(amountOf({ amount: "" })).toEqual({ ok: false, problems: { amount: "required" } });
    for (const amount of ["quinze", "0", "0,00", "1,234", "-5", "1.299,00"]) expect(amountOf({ amount }), amount).toEqual({ ok: false, problems: { amount: "invalid" } });
  });

  it("refunds everything left as the page showed it", () => {
    expect(amountOf({ intent: "all", amount: "" })).toEqual({ ok: true, amount: 8980n });
    expect(amountOf({ intent: "all", remaining: "0" })).toEqual({ ok: false, problems: { amount: "invalid" } });
  });

  it("refuses a form whose hidden fields were tampered with", () => {
    expect(readRefundForm(form({ paymentId: "not-a-payment" }))).toBeNull();
    expect(readRefundForm(form({ currency: "reais" }))).toBeNull();
    expect(readRefundForm(form({ idempotencyKey: "short" }))).toBeNull();
    expect(readRefundForm(form({ remaining: "-1" }))).toBeNull();
  });
});
