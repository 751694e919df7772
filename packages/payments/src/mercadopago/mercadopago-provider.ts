import { Payment, PaymentRefund } from "mercadopago";
import type { ConnectedAccount, CreatePaymentInput, PaymentProvider } from "../provider.ts";
import { installmentOptions } from "./installments.ts";
import { assertReais, centavosToDecimal } from "./json-amounts.ts";
import { buildPaymentRequest } from "./payment-request.ts";
import { creationResult, ourRefund, paymentSchema, refundSchema, snapshotOf } from "./payment-response.ts";
import { atBaseUrl, type MercadoPagoApi, sdkConfig } from "./sdk-call.ts";
import { searchPayments } from "./search-payments.ts";
import { authorizationUrl, exchangeCode, MERCADOPAGO_AUTH_URL, refreshToken } from "./seller-oauth.ts";
import { parseMercadoPagoWebhook } from "./webhook-notification.ts";

export interface MercadoPagoProviderConfig {
  /** The platform application's own token: payments without a seller, OAuth exchanges. */
  accessToken: string;
  clientId: string;
  clientSecret: string;
  /** The application's webhook signing secret ("assinatura secreta"). */
  webhookSecret: string;
  /** Another API host, e.g. a local fake in tests. */
  baseUrl?: string;
  authUrl?: string;
  webhookToleranceMs?: number;
  /** Where browsers load MercadoPago.js from (a local fake's in tests). */
  jsUrl?: string;
}

export const MERCADOPAGO_JS_URL = "https://sdk.mercadopago.com/js/v2";

export function createMercadoPagoProvider(config: MercadoPagoProviderConfig): PaymentProvider {
  const platform: MercadoPagoApi = { accessToken: config.accessToken, baseUrl: config.baseUrl };
  const app = { ...platform, clientId: config.clientId, clientSecret: config.clientSecret };

  /** A seller's payment lives in the seller's account: only their token creates, reads or refunds it. */
  function actingFor(account: ConnectedAccount | undefined): MercadoPagoApi {
    if (!account) return platform;
    if (!account.accessToken) throw new Error(`Mercado Pago account ${account.accountId} has no access token; the seller must connect`);
    return { accessToken: account.accessToken, baseUrl: config.baseUrl };
  }

  function payingTo(input: CreatePaymentInput): MercadoPagoApi {
    return actingFor(input.split?.kind === "destination" ? input.split.account : undefined);
  }

  return {
    id: "mercadopago",
    methods: ["pix", "boleto", "card"],
    // A seller's card tokens are made with the seller's own public key, which their OAuth grant carries.
    cardForm: (account) => (account?.publicKey ? { provider: "mercadopago", scriptUrl: config.jsUrl ?? MERCADOPAGO_JS_URL, publicKey: account.publicKey } : undefined),

    async createPayment(input) {
      assertReais(input.currency);
      const body = buildPaymentRequest(input);
      const api = payingTo(input);
      const requestOptions = { idempotencyKey: input.idempotencyKey };
      const created = await atBaseUrl(api.baseUrl, () => new Payment(sdkConfig(api)).create({ body, requestOptions }));
      return creationResult(paymentSchema.parse(created));
    },

    async getPayment(providerPaymentId, account) {
      const api = actingFor(account);
      const payment = await atBaseUrl(api.baseUrl, () => new Payment(sdkConfig(api)).get({ id: providerPaymentId }));
      return snapshotOf(paymentSchema.parse(payment));
    },

    // A seller's payments are found with their token only; without one, the platform's own.
    async listPayments(range, account) {
      return searchPayments(actingFor(account), range);
    },

    installmentPlans({ account, amount, currency, card }) {
      assertReais(currency);
      return installmentOptions(actingFor(account), amount, card.brand, card.bin);
    },

    async refund(input) {
      const api = actingFor(input.account);
      const refund = await atBaseUrl(api.baseUrl, () =>
        new PaymentRefund(sdkConfig(api)).create({
          payment_id: input.providerPaymentId,
          body: { amount: centavosToDecimal(input.amount) },
          requestOptions: { idempotencyKey: input.idempotencyKey },
        }),
      );
      return ourRefund(refundSchema.parse(refund));
    },

    parseWebhook(request) {
      return parseMercadoPagoWebhook(request, { secret: config.webhookSecret, toleranceMs: config.webhookToleranceMs });
    },

    async connectUrl(input) {
      return authorizationUrl(config.authUrl ?? MERCADOPAGO_AUTH_URL, app, input);
    },

    completeConnect(input) {
      return exchangeCode(app, input);
    },

    refreshCredentials(credentials) {
      return refreshToken(app, credentials);
    },

    /**
     * Nothing to send: a split payment's money already sits in the seller's own Mercado Pago
     * account, which MP releases to them itself on the payment's money_release_date (~14 days
     * after credit by default). Core counts a capture as payable only once MP has said it is
     * released (recordDueMoneyReleases), so a payout here records money MP has already given the
     * seller: "paid", with no transfer left for us to make.
     */
    async payout(input) {
      return { providerPayoutId: `mp-release-${input.idempotencyKey}`, status: "paid" };
    },
  };
}
