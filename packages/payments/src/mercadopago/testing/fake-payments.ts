import { randomUUID } from "node:crypto";
import { z } from "zod";
import { buildBoleto } from "../../boleto.ts";
import { buildBrCode } from "../../pix-br-code.ts";
import { fakeCentavos, fakeReais, share } from "./fake-amounts.ts";

export interface FakeResponse {
  status: number;
  body: unknown;
}

/** MP's error body: `{ message, error, status, cause: [{ code, description }] }`. */
export function apiError(status: number, message: string, error = "bad_request"): FakeResponse {
  return { status, body: { message, error, status, cause: [{ code: String(status), description: message }] } };
}

/** Fixed card tokens for tests without a browser, standing for MP's test cardholder names APRO, OTHE and CONT. */
export const FAKE_CARD_TOKENS = { approve: "tok_approve", reject: "tok_reject", pending: "tok_pending" } as const;

export interface FakeRefund {
  id: number;
  payment_id: number;
  amount: number;
  status: "approved";
  date_created: string;
  refund_mode: "standard";
  source: { id: string; type: "collector" };
}

/** A payment as MP answers it, the parts the provider reads plus enough around them to look real. */
export interface FakePayment {
  id: number;
  status: string;
  status_detail: string;
  date_created: string;
  date_approved: string | null;
  date_last_updated: string;
  date_of_expiration: string | null;
  money_release_date: string | null;
  money_release_status: "pending" | "released" | null;
  operation_type: "regular_payment";
  payment_method_id: string;
  payment_type_id: "bank_transfer" | "ticket" | "credit_card";
  issuer_id: number | null;
  currency_id: "BRL";
  description: string | null;
  transaction_amount: number;
  transaction_amount_refunded: number;
  installments: number;
  external_reference: string | null;
  metadata: Record<string, unknown>;
  notification_url: string | null;
  payer: Record<string, unknown>;
  fee_details: Array<{ type: string; amount: number; fee_payer: "collector" }>;
  refunds: FakeRefund[];
  captured: true;
  live_mode: false;
  transaction_details: {
    net_received_amount: number;
    total_paid_amount: number;
    installment_amount: number;
    external_resource_url: string | null;
    digitable_line?: string;
    barcode?: { content: string };
  };
  point_of_interaction: { type?: string; transaction_data?: { qr_code: string; qr_code_base64: string; ticket_url: string } };
  barcode?: { content: string };
}

export interface StoredPayment {
  /** Whose account it was created in (MP user id, or the raw token for tokens the fake didn't issue). */
  account: string;
  payment: FakePayment;
  amount: bigint;
  applicationFee: bigint;
  refunded: bigint;
}

const createSchema = z.object({
  transaction_amount: z.number().positive(),
  payment_method_id: z.string(),
  description: z.string().optional(),
  external_reference: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  notification_url: z.url().optional(),
  date_of_expiration: z.string().optional(),
  application_fee: z.number().positive().optional(),
  installments: z.number().int().positive().optional(),
  issuer_id: z.union([z.number(), z.string()]).optional(),
  token: z.string().optional(),
  payer: z.object({
    email: z.email(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    identification: z.object({ type: z.enum(["CPF", "CNPJ"]), number: z.string().regex(/^\d{11}$|^\d{14}$/) }).optional(),
    address: z
      .object({
        zip_code: z.string(),
        street_name: z.string(),
        street_number: z.string(),
        neighborhood: z.string(),
        city: z.string(),
        federal_unit: z.string().length(2),
      })
      .optional(),
  }),
});
type CreateBody = z.infer<typeof createSchema>;

const DAY_MS = 86_400_000;
/** MP's processing fee in basis points per method; the seller's money is released 14 days after approval. */
const FEE_BASIS_POINTS = { bank_transfer: 99n, ticket: 349n, credit_card: 499n } as const;
const RELEASE_DAYS = 14;

const CARD_BRANDS = new Set(["visa", "master", "amex", "elo", "hipercard"]);

function boletoGaps(body: CreateBody): string[] {
  const { first_name, last_name, identification, address } = body.payer;
  return [!first_name && "payer.first_name", !last_name && "payer.last_name", !identification && "payer.identification", !address && "payer.address"].filter(
    (gap): gap is string => typeof gap === "string",
  );
}

/** A card token's outcome in the paying account (see fake-card-tokens.ts), or MP's refusal of it. */
export type RedeemCardToken = (token: string) => { status: string; status_detail: string } | FakeResponse;

function methodParts(id: number, body: CreateBody, amount: bigint, now: Date, redeemCardToken: RedeemCardToken): Partial<FakePayment> | FakeResponse {
  const ticketUrl = `https://www.mercadopago.com.br/payments/${id}/ticket?caller_id=1&hash=${randomUUID()}`;
  if (body.payment_method_id === "pix") {
    const qrCode = buildBrCode({
      location: `pix.mercadopago.com/qr/v2/${randomUUID()}`,
      amount: fakeReais(amount).toFixed(2),
      merchantName: "MERCADO PAGO FAKE",
      merchantCity: "SAO PAULO",
      txid: "***",
    });
    return {
      payment_type_id: "bank_transfer",
      status: "pending",
      status_detail: "pending_waiting_transfer",
      date_of_expiration: body.date_of_expiration ?? new Date(now.getTime() + DAY_MS).toISOString(),
      point_of_interaction: {
        type: "OPENPLATFORM",
        transaction_data: { qr_code: qrCode, qr_code_base64: Buffer.from(`PNG of ${qrCode}`).toString("base64"), ticket_url: ticketUrl },
      },
    };
  }
  if (body.payment_method_id === "bolbradesco") {
    const gaps = boletoGaps(body);
    if (gaps.length) return apiError(400, `Boleto requires ${gaps.join(", ")}`);
    const expiry = body.date_of_expiration ?? new Date(now.getTime() + 3 * DAY_MS).toISOString();
    const dueDate = new Date(Date.parse(expiry) - 3 * 3_600_000).toISOString().slice(0, 10);
    const { barcode, digitableLine } = buildBoleto({ bankCode: "237", dueDate, amount, freeField: String(id).padStart(25, "0") });
    return {
      payment_type_id: "ticket",
      status: "pending",
      status_detail: "pending_waiting_payment",
      date_of_expiration: expiry,
      barcode: { content: barcode },
      transaction_details: {
        ...emptyDetails(amount),
        external_resource_url: ticketUrl,
        digitable_line: digitableLine,
        barcode: { content: barcode },
      },
    };
  }
  if (CARD_BRANDS.has(body.payment_method_id)) {
    if (!body.token) return apiError(400, "Card payments require a token");
    const outcome = redeemCardToken(body.token);
    if ("body" in outcome) return outcome;
    return { payment_type_id: "credit_card", issuer_id: body.issuer_id === undefined ? null : Number(body.issuer_id), ...outcome };
  }
  return apiError(400, `payment_method_id ${body.payment_method_id} not found`);
}

const emptyDetails = (amount: bigint): FakePayment["transaction_details"] => ({
  net_received_amount: 0,
  total_paid_amount: fakeReais(amount),
  installment_amount: 0,
  external_resource_url: null,
});

/** POST /v1/payments, validated the way MP refuses bodies; the caller stores what comes back. */
export function createFakePayment(id: number, account: string, raw: unknown, now: Date, redeemCardToken: RedeemCardToken): StoredPayment | FakeResponse {
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) return apiError(400, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  const body = parsed.data;
  const amount = fakeCentavos(body.transaction_amount);
  const applicationFee = body.application_fee === undefined ? 0n : fakeCentavos(body.application_fee);
  if (amount === undefined || applicationFee === undefined) return apiError(400, "Invalid transaction_amount or application_fee: at most 2 decimals");
  if (applicationFee >= amount) return apiError(400, "application_fee must be lower than transaction_amount");
  const parts = methodParts(id, body, amount, now, redeemCardToken);
  if ("body" in parts) return parts;
  const installments = body.installments ?? 1;
  const payment: FakePayment = {
    id,
    status: "pending",
    status_detail: "pending_waiting_payment",
    date_created: now.toISOString(),
    date_approved: null,
    date_last_updated: now.toISOString(),
    date_of_expiration: null,
    money_release_date: null,
    money_release_status: null,
    operation_type: "regular_payment",
    payment_method_id: body.payment_method_id,
    payment_type_id: "credit_card",
    issuer_id: null,
    currency_id: "BRL",
    description: body.description ?? null,
    transaction_amount: body.transaction_amount,
    transaction_amount_refunded: 0,
    installments,
    external_reference: body.external_reference ?? null,
    metadata: body.metadata ?? {},
    notification_url: body.notification_url ?? null,
    payer: body.payer,
    fee_details: [],
    refunds: [],
    captured: true,
    live_mode: false,
    transaction_details: { ...emptyDetails(amount), installment_amount: fakeReais(share(amount, 1n, BigInt(installments))) },
    point_of_interaction: {},
    ...parts,
  };
  const stored: StoredPayment = { account, payment, amount, applicationFee, refunded: 0n };
  if (payment.status === "approved") approve(stored, now);
  return stored;
}

/** What MP adds once money arrives: fees, the net amount, and when the seller gets it. */
export function approve(stored: StoredPayment, now: Date): void {
  const { payment, amount, applicationFee } = stored;
  const processingFee = share(amount, FEE_BASIS_POINTS[payment.payment_type_id], 10_000n);
  payment.date_approved = now.toISOString();
  payment.money_release_date = new Date(now.getTime() + RELEASE_DAYS * DAY_MS).toISOString();
  payment.money_release_status = "pending";
  payment.fee_details = [
    { type: "mercadopago_fee", amount: fakeReais(processingFee), fee_payer: "collector" },
    ...(applicationFee > 0n ? [{ type: "application_fee", amount: fakeReais(applicationFee), fee_payer: "collector" as const }] : []),
  ];
  payment.transaction_details.net_received_amount = fakeReais(amount - processingFee - applicationFee);
}

/** POST /v1/payments/:id/refunds: no more than what was captured and not yet refunded. */
export function refundFakePayment(stored: StoredPayment, refundId: number, raw: unknown, now: Date): FakeRefund | FakeResponse {
  const parsed = z.object({ amount: z.number().positive().optional() }).safeParse(raw ?? {});
  if (!parsed.success) return apiError(400, "Invalid refund amount");
  const { payment } = stored;
  if (payment.status !== "approved") return apiError(400, `Payment ${payment.id} in status ${payment.status} can't be refunded`, "invalid_payment_status");
  const remaining = stored.amount - stored.refunded;
  const amount = parsed.data.amount === undefined ? remaining : fakeCentavos(parsed.data.amount);
  if (amount === undefined || amount > remaining) return apiError(400, `The refund amount exceeds the available amount of ${fakeReais(remaining)}`, "amount_exceeded");
  const refund: FakeRefund = {
    id: refundId,
    payment_id: payment.id,
    amount: fakeReais(amount),
    status: "approved",
    date_created: now.toISOString(),
    refund_mode: "standard",
    source: { id: "1", type: "collector" },
  };
  stored.refunded += amount;
  payment.refunds.push(refund);
  payment.transaction_amount_refunded = fakeReais(stored.refunded);
  payment.date_last_updated = now.toISOString();
  if (stored.refunded === stored.amount) Object.assign(payment, { status: "refunded", status_detail: "refunded" });
  return refund;
}

/** The dates a search may bound (`range`) or order (`sort`) payments by. */
const SEARCH_DATES = new Map<string, (payment: FakePayment) => string | null>([
  ["date_created", (payment) => payment.date_created],
  ["date_approved", (payment) => payment.date_approved],
  ["date_last_updated", (payment) => payment.date_last_updated],
  ["money_release_date", (payment) => payment.money_release_date],
]);
const SEARCH_PARAMS = new Set(["range", "begin_date", "end_date", "sort", "criteria", "limit", "offset"]);

/**
 * GET /v1/payments/search over one account's payments: `range` names the date that
 * `begin_date`..`end_date` (both inclusive) bound, `sort`/`criteria` order them (newest created
 * first by default), `offset`/`limit` (default 30) page them, and `paging.total` counts them all.
 * Filters the fake doesn't model are refused rather than ignored.
 */
export function searchFakePayments(own: StoredPayment[], query: URLSearchParams): FakeResponse {
  const unknown = [...query.keys()].find((name) => !SEARCH_PARAMS.has(name));
  if (unknown) return apiError(400, `The fake doesn't model the search filter ${unknown}`);
  const rangeDate = SEARCH_DATES.get(query.get("range") ?? "date_created");
  const sortDate = SEARCH_DATES.get(query.get("sort") ?? "date_created");
  if (!rangeDate || !sortDate) return apiError(400, "Invalid range or sort");
  const bound = (name: string, missing: number) => {
    const value = query.get(name);
    return value === null ? missing : Date.parse(value);
  };
  const [begin, end] = [bound("begin_date", -Infinity), bound("end_date", Infinity)];
  const [limit, offset] = [Number(query.get("limit") ?? 30), Number(query.get("offset") ?? 0)];
  if (Number.isNaN(begin) || Number.isNaN(end)) return apiError(400, "Invalid begin_date or end_date");
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) return apiError(400, "Invalid limit or offset");
  const time = (date: (payment: FakePayment) => string | null, payment: FakePayment) => Date.parse(date(payment) ?? "");
  const direction = query.get("criteria") === "asc" ? 1 : -1;
  const matching = own
    .map((stored) => stored.payment)
    .filter((payment) => time(rangeDate, payment) >= begin && time(rangeDate, payment) <= end)
    .sort((a, b) => (time(sortDate, a) - time(sortDate, b)) * direction);
  return { status: 200, body: { paging: { total: matching.length, limit, offset }, results: matching.slice(offset, offset + limit) } };
}
