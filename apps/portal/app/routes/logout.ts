import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { serverApi } from "../lib/api.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  const { api, headers } = await serverApi(request);
  await api.auth.signOut();
  // The procedure expired the session cookie on `headers`.
  return redirect("/login", { headers });
}

// A stray GET (a bookmark, a prefetch) must not sign anyone out.
export const loader = () => redirect("/");
