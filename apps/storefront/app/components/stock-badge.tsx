import { useTranslation } from "react-i18next";

export function StockBadge({ inStock }: { inStock: boolean }) {
  const { t } = useTranslation();
  return <span className={inStock ? "badge badge-success" : "badge badge-muted"}>{inStock ? t("storefront.inStock") : t("storefront.outOfStock")}</span>;
}
