import { z } from "zod";
import type { InstallmentOption } from "../provider.ts";
import { centavosToDecimalText, decimalToCentavos } from "./json-amounts.ts";
import { apiUrl, type MercadoPagoApi } from "./sdk-call.ts";

const amount = z.number().transform(decimalToCentavos);
const installmentsSchema = z.array(
  z.object({
    payer_costs: z.array(
      z.object({
        installments: z.number().int().positive(),
        installment_rate: z.number(),
        installment_amount: amount,
        total_amount: amount,
        recommended_message: z.string(),
      }),
    ),
  }),
);

/**
 * The installment plans Mercado Pago offers for an amount and card brand (and BIN, which pins the
 * issuer). Interest depends on the account's settings, so pass the seller's token for their sales.
 * Plain fetch: the SDK (3.6.1) has no client for GET /v1/payment_methods/installments.
 */
export async function installmentOptions(
  api: MercadoPagoApi,
  amountInCentavos: bigint,
  paymentMethodId: string,
  bin?: string,
): Promise<InstallmentOption[]> {
  const query = new URLSearchParams({ amount: centavosToDecimalText(amountInCentavos), payment_method_id: paymentMethodId, ...(bin ? { bin } : {}) });
  const response = await fetch(`${apiUrl(api)}/v1/payment_methods/installments?${query}`, {
    headers: { Authorization: `Bearer ${api.accessToken}` },
  });
  if (!response.ok) throw new Error(`Mercado Pago installments for ${paymentMethodId} failed: HTTP ${response.status} ${await response.text()}`);
  // One entry per issuer: a BIN pins it; without one, the brand's first issuer stands for all.
  const [plans] = installmentsSchema.parse(await response.json());
  return (plans?.payer_costs ?? []).map((cost) => ({
    installments: cost.installments,
    installmentAmount: cost.installment_amount,
    totalAmount: cost.total_amount,
    interestFree: cost.installment_rate === 0,
    label: cost.recommended_message,
  }));
}
