import { isLocale } from "@primestore/i18n";
import { PreferenceForm } from "@primestore/ui";
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../lib/locale-path.ts";
import { CartLink } from "./cart-link.tsx";
import { SearchBox } from "./search-box.tsx";

export interface StoreHeaderProps {
  store: { name: string; logoUrl: string | null; locales: string[]; currencies: string[] };
  locale: string;
  currency: string;
}

export function StoreHeader({ store, locale, currency }: StoreHeaderProps) {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const { pathname, search } = useLocation();
  const redirectTo = `${pathname}${search}`;
  return (
    <header className="site-header">
      <Link to={localePath("/")} className="brand">
        {store.logoUrl ? <img src={store.logoUrl} alt="" className="brand-logo" /> : null}
        <span>{store.name}</span>
      </Link>
      <SearchBox locale={locale} />
      <div className="preferences">
        {store.locales.length > 1 ? (
          <PreferenceForm
            action="/preferences"
            name="lang"
            label={t("common.language")}
            value={locale}
            options={store.locales.filter(isLocale).map((value) => ({ value, label: t(`common.languageNames.${value}`) }))}
            redirectTo={redirectTo}
            submitLabel={t("common.apply")}
          />
        ) : null}
        {store.currencies.length > 1 ? (
          <PreferenceForm
            action="/preferences"
            name="currency"
            label={t("common.currency")}
            value={currency}
            options={store.currencies.map((value) => ({ value, label: value }))}
            redirectTo={redirectTo}
            submitLabel={t("common.apply")}
          />
        ) : null}
      </div>
      {/* The same link for everyone: catalog pages are cached publicly, so nothing here may say who is signed in. */}
      <Link to={localePath("/account")} className="account-link">
        {t("account.link")}
      </Link>
      <CartLink />
    </header>
  );
}
