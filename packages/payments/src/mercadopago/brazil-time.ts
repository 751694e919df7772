/** Brazil has kept UTC-3 all year since 2019. */
const BRAZIL_OFFSET_MS = -3 * 3_600_000;

const shifted = (date: Date) => new Date(date.getTime() + BRAZIL_OFFSET_MS).toISOString();

/** 2026-12-01T02:59:59.999Z -> "2026-11-30T23:59:59.999-03:00": Mercado Pago documents dates with an offset. */
export function toBrazilTime(date: Date): string {
  return `${shifted(date).slice(0, -1)}-03:00`;
}

/** The day in Brazil at that instant, "YYYY-MM-DD": a boleto is due on a day there. */
export function brazilDay(date: Date): string {
  return shifted(date).slice(0, 10);
}
