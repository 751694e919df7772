// Shared by loaders, actions and components: nothing here touches the server.

// Server and browser must print the same time (hydration), whatever their clocks' zones.
export const dateTimeFormat: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
};

/** A calendar day (reconciliation days, payout periods' ends), in UTC for the same reason. */
export const dayFormat: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" };

/** The locale's decimal separator: "," in pt-BR and es, "." in en. */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
}

/** 199 basis points -> "0.0199": the exact fraction, for Intl to format without a float. */
function bpsAsFraction(bps: number): string {
  const negative = bps < 0;
  const digits = String(Math.abs(Math.trunc(bps))).padStart(5, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/** Basis points as a percentage for reading: 1000 -> "10%", 199 -> "1,99%" (pt-BR). */
export function formatBps(bps: number, locale: string): string {
  // Intl formats decimal strings exactly (NumberFormat v3); the cast covers older lib typings.
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(bpsAsFraction(bps) as unknown as number);
}

/** Basis points as the text of a percentage input, always two decimals: 199 -> "1,99" (pt-BR), "1.99" (en). */
export function bpsToPercentInput(bps: number, locale: string): string {
  const whole = Math.trunc(bps / 100);
  const cents = String(bps % 100).padStart(2, "0");
  return `${whole}${decimalSeparator(locale)}${cents}`;
}

/** "1,99" or "1.99" -> 199 basis points, by string arithmetic; null when it isn't such a number. */
export function parsePercentToBps(input: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(input.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
