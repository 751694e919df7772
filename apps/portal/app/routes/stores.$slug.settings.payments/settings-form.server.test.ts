import { describe, expect, it } from "vitest";
import type { PaymentSettings, SettingsValues } from "./payment-options.ts";
import { settingsProblems, toSettingsInput } from "./settings-form.server.ts";

const current: PaymentSettings = {
  checkout: {
    paymentMethods: ["pix", "boleto", "card"],
    installments: { max: 12, interestFree: 3, monthlyInterestBps: 199 },
    pixExpiryMinutes: 30,
    boletoDueDays: 3,
    cardHoldMinutes: 20,
    providers: { pix: "test", boleto: "test", card: "stripe" },
  },
  payoutSchedule: "weekly",
  payoutHoldDays: 7,
  refundCommission: "reverse",
  commissionBps: 1000,
  configuredProviders: ["test", "stripe"],
  accounts: [],
};

const submitted: SettingsValues = {
  methods: ["pix", "card"],
  providers: { pix: "test", boleto: "test", card: "stripe" },
  maxInstallments: "6",
  interestFree: "2",
  monthlyInterest: "2,49",
  pixExpiryMinutes: "45",
  boletoDueDays: "5",
  payoutSchedule: "daily",
};

describe("the payment settings form", () => {
  it("lays what the form edits over the current settings, exactly", () => {
    expect(toSettingsInput(submitted, current)).toEqual({
      ok: true,
      input: {
        checkout: {
          paymentMethods: ["pix", "card"],
          installments: { max: 6, interestFree: 2, monthlyInterestBps: 249 },
          pixExpiryMinutes: 45,
          boletoDueDays: 5,
          // Not on the form: kept.
          cardHoldMinutes: 20,
          providers: { pix: "test", boleto: "test", card: "stripe" },
        },
        payoutSchedule: "daily",
      },
    });
  });

  it("reports each field it can't use, and saves nothing", () => {
    const result = toSettingsInput(
      {
        methods: ["cash"],
        providers: { pix: "stripe", boleto: "", card: "test" },
        maxInstallments: "3",
        interestFree: "4",
        monthlyInterest: "10,01",
        pixExpiryMinutes: "4",
        boletoDueDays: "trinta",
        payoutSchedule: "hourly",
      },
      current,
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        methods: "required",
        "provider.pix": "invalid",
        "provider.boleto": "required",
        interestFree: "invalid",
        monthlyInterest: "invalid",
        pixExpiryMinutes: "invalid",
        boletoDueDays: "invalid",
        payoutSchedule: "invalid",
      },
    });
  });

  it("maps the API's invalid paths to the form's fields", () => {
    expect(settingsProblems(["checkout.paymentMethods.0", "checkout.providers.card", "checkout.installments.monthlyInterestBps", "payoutSchedule", "elsewhere"])).toEqual({
      methods: "invalid",
      "provider.card": "invalid",
      monthlyInterest: "invalid",
      payoutSchedule: "invalid",
    });
  });
});
