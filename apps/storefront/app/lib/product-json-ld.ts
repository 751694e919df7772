import { minorToDecimalString } from "@primestore/i18n";
import { plainText } from "./seo.ts";

interface ProductForJsonLd {
  title: string;
  description: string;
  images: Array<{ url: string }>;
  variants: Array<{ sku: string; title: string; price: number | null; available: number }>;
}

/** schema.org Product with one Offer per priced variant, so search engines show price and stock. */
export function productJsonLd(product: ProductForJsonLd, url: string, currency: string, storeName: string) {
  const images = product.images.map((image) => image.url).filter((src) => /^https?:\/\//.test(src));
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: plainText(product.description, 5000),
    ...(images.length ? { image: images } : {}),
    sku: product.variants[0]?.sku,
    brand: { "@type": "Brand", name: storeName },
    offers: product.variants
      .filter((variant) => variant.price !== null)
      .map((variant) => ({
        "@type": "Offer",
        sku: variant.sku,
        name: variant.title,
        url,
        price: minorToDecimalString(variant.price!, currency),
        priceCurrency: currency,
        availability: variant.available > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      })),
  };
}
