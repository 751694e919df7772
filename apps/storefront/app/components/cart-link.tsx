import { useTRPC } from "@primestore/ui/api";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../lib/locale-path.ts";

/**
 * The header's link to the cart. The count is one shopper's, so it arrives after the page loads
 * (catalog pages stay the same for everyone and a CDN may share them) and again after every form
 * submission, so adding to the cart updates it. Without JavaScript the link works, without a number.
 *
 * It asks tRPC, not a Remix fetcher: a fetcher's load racing Remix's lazy route discovery can
 * fail as a 404 and break the next page (see docs/decisions/017-pages-that-start-still.md).
 */
export function CartLink() {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const trpc = useTRPC();
  const { data, refetch } = useQuery(trpc.cart.count.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  useRefetchAfterSubmissions(refetch);
  return (
    <Link to={localePath("/cart")} className="cart-link">
      {data ? t("cart.linkWithCount", { quantity: data.itemCount }) : t("cart.link")}
    </Link>
  );
}

/** Calls `refetch` each time a form submission (an action, with its redirect) has finished. */
function useRefetchAfterSubmissions(refetch: () => unknown) {
  const { state } = useNavigation();
  const submitted = useRef(false);
  useEffect(() => {
    if (state === "submitting") submitted.current = true;
    else if (state === "idle" && submitted.current) {
      submitted.current = false;
      refetch();
    }
  }, [state, refetch]);
}
