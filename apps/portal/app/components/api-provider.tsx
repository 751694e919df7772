import { TRPC_ENDPOINT, transformer, type AppRouter } from "@primestore/api/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import { TRPCProvider } from "../lib/trpc.ts";

// Mirrors STORE_HEADER in @primestore/api, whose browser entry (./client) doesn't export it.
const STORE_HEADER = "x-primestore-store";

/**
 * React Query + tRPC over HTTP for one store's widgets. Seller procedures take the store from a
 * header, not from their input, so cache keys don't name the store: mount one provider (and one
 * cache) per store, keyed by its slug, so store A's products never show up under store B.
 */
export function StoreApiProvider({ store, children }: { store: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: TRPC_ENDPOINT, transformer, headers: { [STORE_HEADER]: store } })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
