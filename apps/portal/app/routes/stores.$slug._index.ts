import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../lib/auth.server.ts";
import { invariantResponse } from "../lib/http.server.ts";
import { firstSection } from "../lib/sections.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const section = firstSection(user.memberships.find((membership) => membership.tenantSlug === params.slug)?.permissions ?? []);
  invariantResponse(section, "FORBIDDEN", 403);
  return redirect(`/stores/${params.slug}/${section}`);
}
