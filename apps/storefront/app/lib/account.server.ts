import { redirect } from "@remix-run/node";
import { throwAsResponse } from "./api-errors.server.ts";
import type { serverApi } from "./api.server.ts";
import { localeHref } from "./locale-path.ts";

type Api = Awaited<ReturnType<typeof serverApi>>["api"];

/** The signed-in customer, or off to sign-in, coming back here afterwards. */
export async function requireCustomer(api: Api, request: Request, lang: string | undefined) {
  const customer = await api.account.me().catch(throwAsResponse);
  if (customer) return customer;
  const { pathname, search } = new URL(request.url);
  throw redirect(`${localeHref(lang, "/account/sign-in")}?${new URLSearchParams({ redirectTo: `${pathname}${search}` })}`);
}

/** Sign-in and sign-up are for visitors: a signed-in customer goes to their account. */
export async function redirectSignedIn(api: Api, lang: string | undefined): Promise<void> {
  if (await api.account.me().catch(throwAsResponse)) throw redirect(localeHref(lang, "/account"));
}
