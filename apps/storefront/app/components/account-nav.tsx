import { Form, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocalePath } from "../lib/locale-path.ts";

/** The account's sections and the way out; signing out is a POST, so no link or prefetch can do it. */
export function AccountNav() {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  return (
    <nav className="account-nav" aria-label={t("account.navigation")}>
      <NavLink to={localePath("/account")} end>
        {t("account.orders")}
      </NavLink>
      <NavLink to={localePath("/account/addresses")}>{t("account.addresses")}</NavLink>
      <Form method="post" action={localePath("/account/sign-out")}>
        <button type="submit" className="button-secondary">
          {t("account.signOut")}
        </button>
      </Form>
    </nav>
  );
}
