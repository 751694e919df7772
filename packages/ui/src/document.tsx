import { i18nFor, type Locale } from "@primestore/i18n";
import { Links, Meta, Scripts, ScrollRestoration } from "@remix-run/react";
import type { CSSProperties, ReactNode } from "react";
import { I18nextProvider } from "react-i18next";

export interface DocumentProps {
  locale: Locale;
  /** Overrides the stylesheet's --color-brand; must already be a safe CSS colour. */
  brandColor?: string | null;
  children: ReactNode;
}

/** The HTML shell of every page, for a root route's `Layout`. */
export function Document({ locale, brandColor, children }: DocumentProps) {
  // Built from the loader's locale on both sides, so server and browser render the same words.
  const i18n = i18nFor(locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* No favicon yet: an empty one spares every page view a server-rendered 404. */}
        <link rel="icon" href="data:," />
        <Meta />
        <Links />
      </head>
      <body style={brandColor ? ({ "--color-brand": brandColor } as CSSProperties) : undefined}>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
