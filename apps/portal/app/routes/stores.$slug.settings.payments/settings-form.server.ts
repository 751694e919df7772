import { parsePercentToBps } from "../../lib/format.ts";
import {
  LIMITS,
  METHOD_PROVIDERS,
  METHODS,
  PAYOUT_SCHEDULES,
  type Method,
  type PaymentSettings,
  type SettingsField,
  type SettingsProblems,
  type SettingsValues,
} from "./payment-options.ts";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

export function readSettingsForm(form: FormData): SettingsValues {
  return {
    methods: form.getAll("methods").filter((value): value is string => typeof value === "string"),
    providers: Object.fromEntries(METHODS.map((method) => [method, text(form, `provider.${method}`)])) as Record<Method, string>,
    maxInstallments: text(form, "maxInstallments"),
    interestFree: text(form, "interestFree"),
    monthlyInterest: text(form, "monthlyInterest"),
    pixExpiryMinutes: text(form, "pixExpiryMinutes"),
    boletoDueDays: text(form, "boletoDueDays"),
    payoutSchedule: text(form, "payoutSchedule"),
  };
}

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A whole number within [min, max], or the problem with the text. */
function wholeNumber(value: string, { min, max }: { min: number; max: number }): number | "required" | "invalid" {
  if (!value) return "required";
  if (!/^\d{1,5}$/.test(value)) return "invalid";
  const number = Number(value);
  return number >= min && number <= max ? number : "invalid";
}

/**
 * Form strings -> `payments.updateSettings`' input: the store's current settings with what the
 * form edits laid over them, so fields it doesn't show (the card hold) keep their values.
 */
export function toSettingsInput(values: SettingsValues, current: PaymentSettings) {
  const problems: SettingsProblems = {};
  const flag = (field: SettingsField, problem: "required" | "invalid") => {
    problems[field] = problem;
  };

  const methods = METHODS.filter((method) => values.methods.includes(method));
  if (!methods.length) flag("methods", "required");
  const providers = { ...current.checkout.providers };
  for (const method of METHODS) {
    const provider = values.providers[method];
    if (includes(METHOD_PROVIDERS[method], provider)) Object.assign(providers, { [method]: provider });
    else flag(`provider.${method}`, provider ? "invalid" : "required");
  }
  const max = wholeNumber(values.maxInstallments, LIMITS.installments);
  if (typeof max !== "number") flag("maxInstallments", max);
  const interestFree = wholeNumber(values.interestFree, LIMITS.installments);
  if (typeof interestFree !== "number") flag("interestFree", interestFree);
  else if (typeof max === "number" && interestFree > max) flag("interestFree", "invalid");
  const monthlyInterestBps = values.monthlyInterest ? parsePercentToBps(values.monthlyInterest) : null;
  if (monthlyInterestBps === null || monthlyInterestBps > LIMITS.monthlyInterestBps.max) flag("monthlyInterest", values.monthlyInterest ? "invalid" : "required");
  const pixExpiryMinutes = wholeNumber(values.pixExpiryMinutes, LIMITS.pixExpiryMinutes);
  if (typeof pixExpiryMinutes !== "number") flag("pixExpiryMinutes", pixExpiryMinutes);
  const boletoDueDays = wholeNumber(values.boletoDueDays, LIMITS.boletoDueDays);
  if (typeof boletoDueDays !== "number") flag("boletoDueDays", boletoDueDays);
  const payoutSchedule = values.payoutSchedule;
  if (!includes(PAYOUT_SCHEDULES, payoutSchedule)) flag("payoutSchedule", payoutSchedule ? "invalid" : "required");

  if (
    Object.keys(problems).length ||
    typeof max !== "number" ||
    typeof interestFree !== "number" ||
    monthlyInterestBps === null ||
    typeof pixExpiryMinutes !== "number" ||
    typeof boletoDueDays !== "number" ||
    !includes(PAYOUT_SCHEDULES, payoutSchedule)
  ) {
    return { ok: false as const, problems };
  }
  return {
    ok: true as const,
    input: {
      checkout: { ...current.checkout, paymentMethods: methods, providers, installments: { max, interestFree, monthlyInterestBps }, pixExpiryMinutes, boletoDueDays },
      payoutSchedule,
    },
  };
}

/** The API's invalid input paths (`checkout.installments.max`...), as the form's fields. */
export function settingsProblems(invalidPaths: string[]): SettingsProblems {
  const byPath: Record<string, SettingsField> = {
    "checkout.paymentMethods": "methods",
    "checkout.installments.max": "maxInstallments",
    "checkout.installments.interestFree": "interestFree",
    "checkout.installments.monthlyInterestBps": "monthlyInterest",
    "checkout.pixExpiryMinutes": "pixExpiryMinutes",
    "checkout.boletoDueDays": "boletoDueDays",
    payoutSchedule: "payoutSchedule",
  };
  const problems: SettingsProblems = {};
  for (const path of invalidPaths) {
    const provider = /^checkout\.providers\.(pix|boleto|card)$/.exec(path)?.[1];
    const field = provider ? (`provider.${provider}` as SettingsField) : (byPath[path] ?? byPath[path.replace(/\.\d+$/, "")]);
    if (field) problems[field] = "invalid";
  }
  return problems;
}
