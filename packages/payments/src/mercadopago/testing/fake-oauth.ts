import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, type FakeResponse } from "./fake-payments.ts";

const tokenRequest = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("authorization_code"), client_id: z.string(), client_secret: z.string(), code: z.string(), redirect_uri: z.string() }),
  z.object({ grant_type: z.literal("refresh_token"), client_id: z.string(), client_secret: z.string(), refresh_token: z.string() }),
]);

/** Mercado Pago's token lifetime: 180 days. */
const EXPIRES_IN_SECONDS = 15_552_000;

/** The authorization server: codes a seller granted, and the tokens that act for them. */
export function createFakeOAuth(app: { clientId: string; clientSecret: string }) {
  const codes = new Map<string, { userId: string; redirectUri: string }>();
  const refreshTokens = new Map<string, string>();
  const accessTokens = new Map<string, string>();
  const revoked = new Set<string>();
  /** A seller's public key stays theirs across token refreshes, as MP's does. */
  const publicKeys = new Map<string, string>();
  const publicKeyOf = (userId: string) => {
    const key = publicKeys.get(userId) ?? `APP_USR-${randomBytes(8).toString("hex")}`;
    publicKeys.set(userId, key);
    return key;
  };

  function issue(userId: string): FakeResponse {
    const accessToken = `APP_USR-${userId}-${randomBytes(6).toString("hex")}`;
    const refreshToken = `TG-${randomBytes(12).toString("hex")}`;
    accessTokens.set(accessToken, userId);
    refreshTokens.set(refreshToken, userId);
    const body = {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: EXPIRES_IN_SECONDS,
      scope: "offline_access payments write",
      user_id: Number(userId),
      refresh_token: refreshToken,
      public_key: publicKeyOf(userId),
      live_mode: false,
    };
    return { status: 200, body };
  }

  return {
    /** What auth.mercadopago.com does when the seller clicks "allow": a one-time code for redirect_uri. */
    authorize(userId: number, redirectUri: string): string {
      const code = `TG-${randomBytes(12).toString("hex")}`;
      codes.set(code, { userId: String(userId), redirectUri });
      return code;
    },
    /** The account a token acts for; tokens the fake didn't issue are accounts of their own, revoked ones none. */
    accountOf(token: string): string | undefined {
      return revoked.has(token) ? undefined : (accessTokens.get(token) ?? token);
    },
    /** The seller removing our app from their MP account: every token issued for them stops working. */
    revoke(userId: number): void {
      for (const tokens of [accessTokens, refreshTokens]) {
        for (const [token, owner] of tokens) {
          if (owner !== String(userId)) continue;
          tokens.delete(token);
          revoked.add(token);
        }
      }
    },
    /** The seller a public key belongs to, for card tokens made in a shopper's browser. */
    accountOfPublicKey(publicKey: string): string | undefined {
      return [...publicKeys].find(([, key]) => key === publicKey)?.[0];
    },
    /** POST /oauth/token */
    token(raw: unknown): FakeResponse {
      const parsed = tokenRequest.safeParse(raw);
      if (!parsed.success) return apiError(400, "invalid token request", "invalid_request");
      const request = parsed.data;
      if (request.client_id !== app.clientId || request.client_secret !== app.clientSecret) return apiError(400, "invalid client_id or client_secret", "invalid_client");
      if (request.grant_type === "refresh_token") {
        const userId = refreshTokens.get(request.refresh_token);
        if (!userId) return apiError(400, "invalid refresh_token", "invalid_grant");
        refreshTokens.delete(request.refresh_token);
        return issue(userId);
      }
      const grant = codes.get(request.code);
      if (!grant || grant.redirectUri !== request.redirect_uri) return apiError(400, "invalid authorization code or redirect_uri", "invalid_grant");
      codes.delete(request.code);
      return issue(grant.userId);
    },
  };
}
