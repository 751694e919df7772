import type { AppRouter } from "@primestore/api/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

// Browser-safe: only the router's type crosses over from the server.
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
