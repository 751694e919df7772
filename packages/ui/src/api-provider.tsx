import { TRPC_ENDPOINT, transformer, type AppRouter } from "@primestore/api/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { TRPCProvider } from "./trpc.ts";

export interface ApiProviderProps {
  /** Sent with every call. Read once, on mount: remount (a React `key`) to change them. */
  headers?: Record<string, string>;
  children: ReactNode;
}

/** React Query + tRPC over HTTP for interactive widgets; pages themselves load through Remix loaders. */
export function ApiProvider({ headers, children }: ApiProviderProps) {
  // Per render tree: on the server that means per request, so no cache is shared between visitors.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: TRPC_ENDPOINT, transformer, headers })] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
