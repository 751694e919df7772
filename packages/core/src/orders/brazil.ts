/** Brazilian tax ids and postal codes, validated by their check digits and format. */

const digitsOf = (value: string) => value.replace(/\D/g, "");

function checkDigit(digits: number[], weights: number[]): number {
  const sum = digits.reduce((total, digit, index) => total + digit * weights[index]!, 0);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isValidCpf(value: string): boolean {
  const digits = digitsOf(value);
  // All-equal sequences pass the arithmetic but are not issued.
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  const numbers = [...digits].map(Number);
  const first = checkDigit(numbers.slice(0, 9), [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(numbers.slice(0, 10), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return numbers[9] === first && numbers[10] === second;
}

export function isValidCnpj(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length !== 14 || /^(\d)\1{13}$/.test(digits)) return false;
  const numbers = [...digits].map(Number);
  const first = checkDigit(numbers.slice(0, 12), [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(numbers.slice(0, 13), [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return numbers[12] === first && numbers[13] === second;
}

/** CPF for people, CNPJ for companies: either identifies the buyer on a Brazilian invoice. */
export function isValidBrazilianTaxId(value: string): boolean {
  return isValidCpf(value) || isValidCnpj(value);
}

/** CEP: eight digits, written 00000-000. Returns null when it isn't one. */
export function normalizeCep(value: string): string | null {
  const digits = digitsOf(value);
  if (!/^\d{5}-?\d{3}$/.test(value.trim()) || digits.length !== 8) return null;
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}
