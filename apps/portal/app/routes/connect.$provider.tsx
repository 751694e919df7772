import { storeSlugOfConnectState } from "@primestore/api";
import { apiFailure } from "@primestore/api/remix";
import { RouteError } from "@primestore/ui";
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { serverApi } from "../lib/api.server.ts";
import { loginPath } from "../lib/auth.server.ts";
import { invariantResponse } from "../lib/http.server.ts";
import { isConnectable } from "../lib/providers.ts";

/**
 * `/connect/<provider>`: where a provider sends the seller back after connecting their account: Mercado Pago with
 * `code` and `state` (OAuth), Stripe with `accountId` and `state` (onboarding). The API checks the
 * signed state and stores the account; the seller lands on the payment settings with the outcome.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provider } = params;
  invariantResponse(isConnectable(provider), "NOT_FOUND", 404);
  const query = new URL(request.url).searchParams;
  const state = query.get("state") ?? "";
  // Providers return to one fixed address; the signed state names the store (checked by the API).
  const slug = storeSlugOfConnectState(state);
  invariantResponse(slug, "NOT_FOUND", 404);
  const settings = `/stores/${encodeURIComponent(slug)}/settings/payments`;
  const back = (outcome: Record<string, string>) => redirect(`${settings}?${new URLSearchParams({ provider, ...outcome })}`);
  const code = query.get("code") || undefined;
  const accountId = query.get("accountId") || undefined;
  // The seller declined at the provider (`error=access_denied`), or the link lost its parameters.
  if (!state || (!code && !accountId)) return back({ connectCancelled: "1" });

  const { api } = await serverApi(request, { store: slug });
  try {
    await api.payments.finishConnect({ provider, state, code, accountId });
  } catch (error) {
    const failure = apiFailure(error);
    // Signed out meanwhile: sign in, then come back here with the same parameters.
    if (failure?.code === "UNAUTHORIZED") throw redirect(loginPath(request));
    // The provider refusing the code is no crash of ours, but worth a line in the log.
    if (!failure || failure.code === "INTERNAL") console.error(`connecting ${provider} for ${slug} failed`, error);
    return back({ connectError: failure?.code ?? "INTERNAL" });
  }
  return back({ connected: "1" });
}

// A page only for its error boundary: the loader always redirects, or fails with a translated 404.
export default function ConnectCallback() {
  return null;
}

export function ErrorBoundary() {
  return <RouteError />;
}
