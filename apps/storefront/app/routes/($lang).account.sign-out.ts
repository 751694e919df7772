import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { localeHref } from "../lib/locale-path.ts";
import { loadStorefront } from "../lib/storefront.server.ts";

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, headers } = await loadStorefront(request, params);
  await api.account.signOut();
  // The procedure expired the session cookie on `headers`.
  return redirect(localeHref(params.lang, "/"), { headers });
}

// A stray GET (a bookmark, a prefetch) must not sign anyone out.
export const loader = ({ params }: LoaderFunctionArgs) => redirect(localeHref(params.lang, "/account"));
