/**
 * Bank boleto numbers (FEBRABAN layout): the 44-digit barcode and the 47-digit "linha digitável"
 * payers type, with their mod-10 field check digits and the mod-11 general check digit.
 */

const digitsOnly = (value: string) => value.replace(/\D/g, "");

/** Mod 10 of a digitable-line field: weights 2,1,2,1... from the right, digits of products summed. */
export function mod10(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    const product = Number(char) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  });
  return (10 - (sum % 10)) % 10;
}

/** Mod 11 of the barcode: weights 2..9 cycling from the right; 0, 10 and 11 become 1. */
export function mod11(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    sum += Number(char) * (2 + (index % 8));
  });
  const digit = 11 - (sum % 11);
  return digit === 0 || digit >= 10 ? 1 : digit;
}

const DAY_MS = 86_400_000;
const FACTOR_BASE = Date.UTC(1997, 9, 7);

/**
 * Days since 1997-10-07, restarted at 1000 after 9999 (the factor reached 9999 on 2025-02-21 and
 * FEBRABAN reset it to 1000 on 2025-02-22).
 */
export function dueDateFactor(dueDate: string): string {
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - FACTOR_BASE) / DAY_MS);
  return String(((days - 1000) % 9000) + 1000).padStart(4, "0");
}

export interface BoletoInput {
  bankCode: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Minor units (centavos), at most 10 digits. */
  amount: bigint;
  /** The bank's 25-digit free field (agreement, our number...). */
  freeField: string;
}

export function buildBoleto(input: BoletoInput): { barcode: string; digitableLine: string } {
  const amount = input.amount.toString();
  if (input.amount < 0n || amount.length > 10) throw new Error("Boleto amounts have at most 10 digits");
  if (!/^\d{3}$/.test(input.bankCode) || !/^\d{25}$/.test(input.freeField)) throw new Error("Malformed boleto bank code or free field");
  // "9": the currency code for reais.
  const head = `${input.bankCode}9`;
  const tail = `${dueDateFactor(input.dueDate)}${amount.padStart(10, "0")}${input.freeField}`;
  const general = mod11(head + tail);
  const barcode = `${head}${general}${tail}`;
  const free = input.freeField;
  const fields = [`${head}${free.slice(0, 5)}`, free.slice(5, 15), free.slice(15, 25)];
  const digitableLine = `${fields.map((part) => part + mod10(part)).join("")}${general}${barcode.slice(5, 19)}`;
  return { barcode, digitableLine };
}

/** Checks a digitable line the way banking apps do: every field and the general digit. */
export function isValidDigitableLine(line: string): boolean {
  const digits = digitsOnly(line);
  if (digits.length !== 47) return false;
  const fields: Array<[string, string]> = [
    [digits.slice(0, 9), digits[9]!],
    [digits.slice(10, 20), digits[20]!],
    [digits.slice(21, 31), digits[31]!],
  ];
  if (!fields.every(([field, check]) => mod10(field) === Number(check))) return false;
  const barcodeWithoutCheck = digits.slice(0, 4) + digits.slice(33, 47) + digits.slice(4, 9) + digits.slice(10, 20) + digits.slice(21, 31);
  return mod11(barcodeWithoutCheck) === Number(digits[32]);
}
