import { TRPC_ENDPOINT, transformer, type AppRouter } from "@primestore/api/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { TRPCProvider } from "../lib/trpc.ts";

/** React Query + tRPC over HTTP for interactive widgets; pages themselves load through Remix loaders. */
export function ApiProvider({ children }: { children: ReactNode }) {
  // Per render tree: on the server that means per request, so no cache is shared between visitors.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: TRPC_ENDPOINT, transformer })] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
