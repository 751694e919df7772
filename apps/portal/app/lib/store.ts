import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "../routes/stores.$slug.tsx";

/** The store layout's data (the store, what the member's role allows) for the pages inside it. */
export function useStoreLayout() {
  const layout = useRouteLoaderData<typeof loader>("routes/stores.$slug");
  if (!layout) throw new Error("useStoreLayout is for routes inside stores.$slug");
  return layout;
}
