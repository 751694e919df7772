import type { SellerPermission } from "@primestore/api";
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { storeSections } from "../lib/sections.ts";

export interface OtherStore {
  slug: string;
  name: string;
  permissions: SellerPermission[];
}

/**
 * The member's other stores, for someone who runs several: each opens on the section they are on
 * when that store lets them see it, else on the store's first. A disclosure, so it works without
 * JavaScript and from the keyboard.
 */
export function StoreSwitcher({ current, stores }: { current: string; stores: readonly OtherStore[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (!stores.length) return null;
  const section = storeSections.find((candidate) => pathname.startsWith(`/stores/${current}/${candidate.path}`));
  const target = (store: OtherStore) => (section && store.permissions.includes(section.permission) ? `/stores/${store.slug}/${section.path}` : `/stores/${store.slug}`);
  return (
    <details className="store-switcher">
      <summary>{t("portal.switchStore")}</summary>
      <ul>
        {stores.map((store) => (
          <li key={store.slug}>
            <Link to={target(store)}>{store.name}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
