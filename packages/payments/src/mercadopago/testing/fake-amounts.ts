/**
 * The fake's own reais <-> centavos, kept apart from the provider's so a conversion bug there
 * can't be mirrored here and pass. Like MP, it refuses a third decimal.
 */
export function fakeCentavos(reais: number): bigint | undefined {
  const text = reais.toFixed(2);
  return Number(text) === reais && reais >= 0 ? BigInt(text.replace(".", "")) : undefined;
}

export function fakeReais(centavos: bigint): number {
  return Number(`${centavos / 100n}.${(centavos % 100n).toString().padStart(2, "0")}`);
}

/** 3333n -> "33,33", the way MP's Brazilian messages write money. */
export function brazilianReais(centavos: bigint): string {
  return `${centavos / 100n},${(centavos % 100n).toString().padStart(2, "0")}`;
}

/** Rounds half up: amount * numerator / denominator in centavos. */
export function share(centavos: bigint, numerator: bigint, denominator: bigint): bigint {
  return (centavos * numerator * 2n + denominator) / (denominator * 2n);
}
