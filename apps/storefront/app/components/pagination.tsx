import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageHref } from "../lib/page-href.ts";

/** Numbered page links that work without JavaScript; the current page is marked for assistive technology. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, index) => index + 1);
  return (
    <nav aria-label={t("catalog.pagination")} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={pageHref(pathname, search, page - 1)} rel="prev">
              {t("catalog.previousPage")}
            </Link>
          </li>
        ) : null}
        {pages.map((number) => (
          <li key={number}>
            <Link to={pageHref(pathname, search, number)} aria-label={t("catalog.pageNumber", { page: number })} aria-current={number === page ? "page" : undefined}>
              {number}
            </Link>
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link to={pageHref(pathname, search, page + 1)} rel="next">
              {t("catalog.nextPage")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
