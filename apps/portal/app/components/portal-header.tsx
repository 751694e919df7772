import { SUPPORTED_LOCALES } from "@primestore/i18n";
import { PreferenceForm } from "@primestore/ui";
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface PortalHeaderProps {
  user: { name: string; isStaff: boolean } | null;
  locale: string;
}

export function PortalHeader({ user, locale }: PortalHeaderProps) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        {t("common.appName")} <span className="brand-suffix">{t("portal.title")}</span>
      </Link>
      {user?.isStaff ? (
        <nav aria-label={t("portal.mainNavigation")} className="header-nav">
          <Link to="/staff">{t("portal.staffTitle")}</Link>
          <Link to="/staff/reconciliation">{t("portal.reconciliationNav")}</Link>
        </nav>
      ) : null}
      <div className="header-actions">
        <PreferenceForm
          action="/preferences"
          name="lang"
          label={t("common.language")}
          value={locale}
          options={SUPPORTED_LOCALES.map((value) => ({ value, label: t(`common.languageNames.${value}`) }))}
          redirectTo={`${pathname}${search}`}
          submitLabel={t("common.apply")}
        />
        {user ? <Link to="/account/security">{t("portal.security.nav")}</Link> : null}
        {user ? (
          <Form method="post" action="/logout" className="sign-out">
            <span className="signed-in-as">{t("portal.signedInAs", { name: user.name })}</span>
            <button type="submit" className="button-secondary">
              {t("common.signOut")}
            </button>
          </Form>
        ) : null}
      </div>
    </header>
  );
}
