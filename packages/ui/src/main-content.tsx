import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

const MAIN_ID = "main";

/** The first thing a keyboard user reaches: a way past the header, straight to MainContent. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t("common.skipToContent")}
    </a>
  );
}

/** The page's own content, where SkipLink lands. */
export function MainContent({ children }: { children: ReactNode }) {
  return (
    <main id={MAIN_ID} className="container">
      {children}
    </main>
  );
}
