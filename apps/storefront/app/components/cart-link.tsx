import { Link, useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../lib/locale-path.ts";

/**
 * The header's link to the cart. The count arrives after the page loads (see routes/api.cart-count.ts)
 * and, being a fetcher's, is reloaded by Remix after every form submission, so adding to the cart
 * updates it. Without JavaScript the link still works, without a number.
 */
export function CartLink() {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { load, data } = useFetcher<{ itemCount: number }>({ key: "cart-count" });
  useEffect(() => {
    load("/api/cart-count");
  }, [load]);
  return (
    <Link to={localePath("/cart")} className="cart-link">
      {data ? t("cart.linkWithCount", { quantity: data.itemCount }) : t("cart.link")}
    </Link>
  );
}
