import { OAuth } from "mercadopago";
import { z } from "zod";
import type { AccountCredentials } from "../provider.ts";
import { atBaseUrl, type MercadoPagoApi, sdkConfig } from "./sdk-call.ts";

export const MERCADOPAGO_AUTH_URL = "https://auth.mercadopago.com/authorization";

export interface OAuthApp extends MercadoPagoApi {
  clientId: string;
  clientSecret: string;
}

const tokenSchema = z.object({
  user_id: z.union([z.number(), z.string()]).transform(String),
  access_token: z.string(),
  refresh_token: z.string().optional(),
  expires_in: z.number(),
  /** The seller's key for MercadoPago.js: card tokens for their payments are made with it. */
  public_key: z.string().optional(),
});

function credentials(response: unknown): AccountCredentials {
  const token = tokenSchema.parse(response);
  return {
    accountId: token.user_id,
    accessToken: token.access_token,
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
    expiresAt: new Date(Date.now() + token.expires_in * 1000),
    ...(token.public_key ? { publicKey: token.public_key } : {}),
  };
}

/** Built by hand: the SDK's OAuth.getAuthorizationURL hard-codes the production host. */
export function authorizationUrl(authUrl: string, app: OAuthApp, input: { state: string; returnUrl: string }): string {
  const query = new URLSearchParams({
    client_id: app.clientId,
    response_type: "code",
    platform_id: "mp",
    state: input.state,
    redirect_uri: input.returnUrl,
  });
  return `${authUrl}?${query}`;
}

/** POST /oauth/token (authorization_code): the seller's token, acting for them from now on. */
export async function exchangeCode(app: OAuthApp, input: { code?: string; returnUrl: string }): Promise<AccountCredentials> {
  if (!input.code) throw new Error("Mercado Pago sent no authorization code back; the seller may have declined");
  const body = { client_id: app.clientId, client_secret: app.clientSecret, code: input.code, redirect_uri: input.returnUrl };
  return credentials(await atBaseUrl(app.baseUrl, () => new OAuth(sdkConfig(app)).create({ body })));
}

/** POST /oauth/token (refresh_token), before the 180-day token expires. */
export async function refreshToken(app: OAuthApp, current: AccountCredentials): Promise<AccountCredentials> {
  if (!current.refreshToken) throw new Error(`Mercado Pago account ${current.accountId} has no refresh token; the seller must connect again`);
  const body = { client_id: app.clientId, client_secret: app.clientSecret, refresh_token: current.refreshToken };
  return credentials(await atBaseUrl(app.baseUrl, () => new OAuth(sdkConfig(app)).refresh({ body })));
}
