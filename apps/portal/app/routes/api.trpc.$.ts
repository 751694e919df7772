import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { trpcHandler } from "../lib/api.server.ts";

// tRPC over HTTP for the browser's React Query hooks: queries arrive as GET, mutations as POST.
export const loader = ({ request }: LoaderFunctionArgs) => trpcHandler()(request);
export const action = ({ request }: ActionFunctionArgs) => trpcHandler()(request);
