/**
 * PIX "copia e cola" payloads (BR Code): the EMV merchant-presented QR format the Banco Central
 * specifies, as gateways return it (Mercado Pago's `qr_code`). Each field is ID, two-digit
 * length, value; the payload ends with a CRC16 over everything before it.
 */

function field(id: string, value: string): string {
  if (value.length > 99) throw new Error(`BR Code field ${id} is longer than 99 characters`);
  return `${id}${value.length.toString().padStart(2, "0")}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as the BR Code manual requires. */
export function crc16(payload: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(payload)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

/** Merchant name and city are limited to plain ASCII by most banking apps. */
const plain = (value: string, max: number) =>
  value
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .slice(0, max);

export interface BrCodeInput {
  /** Dynamic QR: where the payer's bank fetches the charge (without the scheme). */
  location: string;
  /** Exact decimal amount, e.g. "189.90"; no floats. */
  amount: string;
  merchantName: string;
  merchantCity: string;
  /** Up to 25 letters and digits; "***" for dynamic QR codes whose location names the charge. */
  txid: string;
}

export function buildBrCode(input: BrCodeInput): string {
  const payload = [
    field("00", "01"),
    // 12: the code may be paid once (a dynamic charge).
    field("01", "12"),
    field("26", field("00", "br.gov.bcb.pix") + field("25", input.location)),
    field("52", "0000"),
    // ISO 4217 numeric for BRL: PIX settles in reais only.
    field("53", "986"),
    field("54", input.amount),
    field("58", "BR"),
    field("59", plain(input.merchantName, 25)),
    field("60", plain(input.merchantCity, 15)),
    field("62", field("05", input.txid)),
  ].join("");
  const withCrcHeader = `${payload}6304`;
  return withCrcHeader + crc16(withCrcHeader);
}
