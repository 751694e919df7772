import { redirect } from "@remix-run/node";
import { serverApi } from "./api.server.ts";

/** The login page, remembering where to come back to. */
export function loginPath(request: Request): string {
  const { pathname, search } = new URL(request.url);
  return `/login?${new URLSearchParams({ redirectTo: `${pathname}${search}` })}`;
}

/** The signed-in user, or a redirect to the login page. */
export async function requireUser(request: Request) {
  const { api } = await serverApi(request);
  const user = await api.auth.me();
  if (!user) throw redirect(loginPath(request));
  return user;
}
