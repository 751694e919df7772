import { brazilianReais, fakeCentavos, fakeReais, share } from "./fake-amounts.ts";
import { apiError, type FakeResponse } from "./fake-payments.ts";

const PLANS = [1, 2, 3, 4, 6, 10, 12];
const INTEREST_FREE_UP_TO = 3;
/** Interest on the total per installment past the interest-free ones, in basis points. */
const RATE_STEP_BASIS_POINTS = 250n;

/** What a card payment in `installments` charges the payer, as MP's transaction_details say it. */
export function paidInInstallments(amount: bigint, installments: number) {
  const cost = payerCost(amount, installments);
  return { installment_amount: cost.installment_amount, total_paid_amount: cost.total_amount };
}

function payerCost(amount: bigint, installments: number) {
  const rate = installments <= INTEREST_FREE_UP_TO ? 0n : BigInt(installments - INTEREST_FREE_UP_TO) * RATE_STEP_BASIS_POINTS;
  const total = share(amount, 10_000n + rate, 10_000n);
  const each = share(total, 1n, BigInt(installments));
  const plural = installments === 1 ? "parcela" : "parcelas";
  return {
    installments,
    installment_rate: Number(rate) / 100,
    discount_rate: 0,
    labels: rate === 0n ? ["CFT_0,00%|TEA_0,00%"] : [],
    min_allowed_amount: 1,
    max_allowed_amount: 100_000,
    recommended_message:
      rate === 0n
        ? `${installments} ${plural} de R$ ${brazilianReais(each)} sem juros`
        : `${installments} ${plural} de R$ ${brazilianReais(each)} (R$ ${brazilianReais(total)})`,
    installment_amount: fakeReais(each),
    total_amount: fakeReais(total),
  };
}

/** Whether a card payment may be split in this many installments: MP refuses plans it doesn't offer. */
export const offersInstallments = (installments: unknown) => installments === undefined || PLANS.includes(installments as number);

/** GET /v1/payment_methods/installments?amount=&payment_method_id=[&bin=] */
export function fakeInstallments(query: URLSearchParams): FakeResponse {
  const amount = fakeCentavos(Number(query.get("amount")));
  const paymentMethodId = query.get("payment_method_id");
  if (!amount || !paymentMethodId) return apiError(400, "amount and payment_method_id are required");
  return {
    status: 200,
    body: [
      {
        payment_method_id: paymentMethodId,
        payment_type_id: "credit_card",
        issuer: { id: "25", name: query.get("bin") ? "Banco do Bin" : "Visa" },
        processing_mode: "aggregator",
        merchant_account_id: null,
        payer_costs: PLANS.map((installments) => payerCost(amount, installments)),
        agreements: null,
      },
    ],
  };
}
