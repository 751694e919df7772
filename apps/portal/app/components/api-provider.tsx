import { ApiProvider } from "@primestore/ui/api";
import type { ReactNode } from "react";

// Mirrors STORE_HEADER in @primestore/api, whose browser entry (./client) doesn't export it.
const STORE_HEADER = "x-primestore-store";

/**
 * React Query + tRPC over HTTP for one store's widgets. Seller procedures take the store from a
 * header, not from their input, so cache keys don't name the store: mount one provider (and one
 * cache) per store, keyed by its slug, so store A's products never show up under store B.
 */
export function StoreApiProvider({ store, children }: { store: string; children: ReactNode }) {
  return <ApiProvider headers={{ [STORE_HEADER]: store }}>{children}</ApiProvider>;
}
