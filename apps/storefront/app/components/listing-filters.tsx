import { Field } from "@primestore/ui";
import { Form, Link, useLocation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ListingPageData } from "../lib/listing.server.ts";

const OPTION_PARAM_PREFIX = "f.";

/** The filter form: a GET form, so filtered listings are plain links that work without JavaScript. */
export function ListingFilters({ data }: { data: ListingPageData }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const titleId = useId();
  const { filters, listing, currency } = data;
  return (
    <Form method="get" className="listing-filters" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("catalog.filters")}</h2>
      {filters.sort !== "relevance" ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      <fieldset>
        <legend>{t("catalog.priceRange", { currency })}</legend>
        <Field name="min" label={t("catalog.priceMin")} inputMode="decimal" defaultValue={filters.min} size={8} />
        <Field name="max" label={t("catalog.priceMax")} inputMode="decimal" defaultValue={filters.max} size={8} hint={t("catalog.priceHint")} />
      </fieldset>
      {listing.facets.map((facet) => (
        <fieldset key={facet.name}>
          <legend>{facet.name}</legend>
          {facet.values.map(({ value, count }) => (
            <label key={value} className="check">
              <input
                type="checkbox"
                name={`${OPTION_PARAM_PREFIX}${facet.name}`}
                value={value}
                defaultChecked={filters.options[facet.name]?.includes(value) ?? false}
              />
              {t("catalog.optionValue", { value, count })}
            </label>
          ))}
        </fieldset>
      ))}
      <label className="check">
        <input type="checkbox" name="stock" value="1" defaultChecked={filters.inStock} />
        {t("catalog.inStockOnly")}
      </label>
      <div className="form-actions">
        <button type="submit">{t("catalog.applyFilters")}</button>
        <Link to={pathname}>{t("catalog.clearFilters")}</Link>
      </div>
    </Form>
  );
}
