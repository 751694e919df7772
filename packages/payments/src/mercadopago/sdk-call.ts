import { MercadoPagoConfig } from "mercadopago";
import { AppConfig } from "mercadopago/dist/utils/config/index.js";

/** What one call needs: whose token it acts with, and which host answers (Mercado Pago's by default). */
export interface MercadoPagoApi {
  accessToken: string;
  baseUrl?: string;
}

/** For the few endpoints the SDK has no client for. */
export const apiUrl = (api: MercadoPagoApi): string => (api.baseUrl ?? AppConfig.BASE_URL).replace(/\/+$/, "");

/**
 * A fresh SDK config per call: the SDK's clients merge each call's requestOptions (our
 * idempotency key) into the config they were given and keep them, so a shared config would send
 * one payment's key with the next request and get that payment back.
 */
export function sdkConfig(api: MercadoPagoApi): MercadoPagoConfig {
  return new MercadoPagoConfig({ accessToken: api.accessToken });
}

// `readonly` in the SDK's typings, but a plain static property at runtime.
const restClientSettings = AppConfig as { BASE_URL: string };

/**
 * mercadopago@3.6.1 has no base-URL option, no fetch injection, and its RestClient calls the
 * global fetch with `AppConfig.BASE_URL + path`. To reach another host (the local fake in tests)
 * we swap that constant only around the synchronous start of one SDK call: RestClient.fetch
 * builds its URL before its first await and its retries reuse that URL, so the swap is undone
 * before any other code runs and no other request in the process sees it. Without a baseUrl
 * nothing is touched. Wrapping the global fetch or dispatcher instead would reroute every
 * request in the process for as long as the provider lives.
 */
export function atBaseUrl<T>(baseUrl: string | undefined, call: () => Promise<T>): Promise<T> {
  if (baseUrl === undefined) return call();
  const production = restClientSettings.BASE_URL;
  restClientSettings.BASE_URL = baseUrl.replace(/\/+$/, "");
  try {
    return call();
  } finally {
    restClientSettings.BASE_URL = production;
  }
}
