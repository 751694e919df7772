import { useTranslation } from "react-i18next";

/** Cached by the service worker at install and shown for any page the network can't deliver. */
export default function Offline() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="offline-title" className="narrow">
      <h1 id="offline-title">{t("seo.offlineTitle")}</h1>
      <p>{t("seo.offlineBody")}</p>
      <a href="/" className="button-link">
        {t("seo.retry")}
      </a>
    </section>
  );
}
