import { parseMinorUnits } from "@primestore/i18n";

export type RateField = "name" | "amount" | "thresholdAmount" | "minWeightGrams" | "maxWeightGrams" | "countries";

/**
 * The rate form as the API takes it: prices typed in the currency's units ("12,90") become minor
 * units, weights whole grams, countries a list of codes. A field that can't be read is named back
 * without asking the API.
 */
export function readRateForm(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const currency = text("currency");
  const values = {
    id: text("rateId") || undefined,
    name: text("name"),
    kind: text("kind"),
    currency,
    amount: text("amount"),
    thresholdAmount: text("thresholdAmount"),
    minWeightGrams: text("minWeightGrams"),
    maxWeightGrams: text("maxWeightGrams"),
    countries: text("countries"),
  };
  const problems: RateField[] = [];
  const money = (field: "amount" | "thresholdAmount", required: boolean) => {
    if (!values[field]) return required ? (problems.push(field), undefined) : undefined;
    const minor = /^[A-Z]{3}$/.test(currency) ? parseMinorUnits(values[field], currency) : null;
    if (minor === null) problems.push(field);
    return minor === null ? undefined : Number(minor);
  };
  const weight = (field: "minWeightGrams" | "maxWeightGrams") => {
    if (!values[field]) return undefined;
    if (!/^\d{1,7}$/.test(values[field])) problems.push(field);
    return Number(values[field]);
  };
  const input = {
    ...(values.id ? { id: values.id } : {}),
    name: values.name,
    kind: values.kind,
    currency,
    amount: money("amount", true),
    thresholdAmount: money("thresholdAmount", false),
    minWeightGrams: weight("minWeightGrams"),
    maxWeightGrams: weight("maxWeightGrams"),
    countries: values.countries ? values.countries.split(/[\s,;]+/).filter(Boolean).map((code) => code.toUpperCase()) : [],
  };
  return { values, input, problems };
}
