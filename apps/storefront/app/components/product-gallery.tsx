import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The first image large, the others as thumbnails that swap it in. */
export function ProductGallery({ images }: { images: Array<{ url: string; alt: string }> }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(0);
  const image = images[shown];
  if (!image) return null;
  return (
    <section className="gallery" aria-label={t("catalog.gallery")}>
      <img src={image.url} alt={image.alt} className="product-image" />
      {images.length > 1 ? (
        <ul className="gallery-thumbnails">
          {images.map((thumbnail, index) => (
            <li key={thumbnail.url}>
              <button
                type="button"
                onClick={() => setShown(index)}
                aria-pressed={index === shown}
                aria-label={t("catalog.showImage", { index: index + 1, count: images.length })}
              >
                <img src={thumbnail.url} alt="" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
