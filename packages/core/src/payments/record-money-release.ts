import type { Tx } from "@primestore/db";
import type { ProviderPaymentSnapshot } from "@primestore/payments";

type Release = NonNullable<ProviderPaymentSnapshot["moneyRelease"]>;

/**
 * Keeps what the provider last said of a captured payment's money release: its date, and whether
 * the money is released. Once released it stays released here, since the store may have been paid
 * it: the provider holding it again (a dispute) is a difference for reconciliation to report.
 */
export async function recordMoneyRelease(tx: Tx, payment: { id: string; moneyReleaseDate: Date | null; moneyReleaseStatus: string | null }, release: Release | undefined) {
  if (!release || payment.moneyReleaseStatus === "released") return;
  if (payment.moneyReleaseStatus === release.status && payment.moneyReleaseDate?.getTime() === release.date.getTime()) return;
  await tx.payment.update({ where: { id: payment.id }, data: { moneyReleaseDate: release.date, moneyReleaseStatus: release.status } });
}
