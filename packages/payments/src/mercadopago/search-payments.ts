import { Payment } from "mercadopago";
import type { ListedProviderPayment } from "../provider.ts";
import { paymentSearchSchema, snapshotOf } from "./payment-response.ts";
import { atBaseUrl, type MercadoPagoApi, sdkConfig } from "./sdk-call.ts";

const PAGE_SIZE = 100;

/**
 * The payments created in [from, to) in the account `api` acts for, every page of them, oldest
 * first so that offsets stay put while a page is read. MP's end_date is inclusive, hence the
 * millisecond off `to`. Page by page through `search`, not the SDK's lazy `searchAll`: atBaseUrl
 * must wrap the start of each request.
 */
export async function searchPayments(api: MercadoPagoApi, { from, to }: { from: Date; to: Date }): Promise<ListedProviderPayment[]> {
  const range = { range: "date_created", begin_date: from.toISOString(), end_date: new Date(to.getTime() - 1).toISOString(), sort: "date_created", criteria: "asc" } as const;
  const listed: ListedProviderPayment[] = [];
  for (let offset = 0; ; ) {
    const options = { ...range, limit: PAGE_SIZE, offset };
    const page = paymentSearchSchema.parse(await atBaseUrl(api.baseUrl, () => new Payment(sdkConfig(api)).search({ options })));
    for (const payment of page.results) {
      const { providerPaymentId, status, amount, currency, tenantId, paymentId } = snapshotOf(payment);
      listed.push({ providerPaymentId, status, amount, currency, tenantId, paymentId, created: payment.date_created });
    }
    offset += page.results.length;
    if (page.results.length === 0 || offset >= page.paging.total) return listed;
  }
}
