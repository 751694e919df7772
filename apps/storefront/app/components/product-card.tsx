import { formatMoney } from "@primestore/i18n";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../lib/locale-path.ts";
import { StockBadge } from "./stock-badge.tsx";

export interface ProductCardProps {
  product: { slug: string; title: string; imageUrl: string | null; priceFrom: number | null; currency: string; inStock: boolean };
  locale: string;
}

export function ProductCard({ product, locale }: ProductCardProps) {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <article className="product-card">
      {/* The title links; the image is decoration next to it. */}
      {product.imageUrl ? <img src={product.imageUrl} alt="" loading="lazy" className="product-card-image" /> : null}
      <h3>
        <Link to={localePath(`/products/${product.slug}`)}>{product.title}</Link>
      </h3>
      <p className="price">
        {product.priceFrom === null ? t("storefront.priceUnavailable") : formatMoney(product.priceFrom, product.currency, locale)}
      </p>
      <StockBadge inStock={product.inStock} />
    </article>
  );
}
