import { SelectField } from "@primestore/ui";
import { Form, useLocation, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ListingPageData } from "../lib/listing.server.ts";

/** Sorting keeps every filter (hidden fields) and starts again at page 1; with JavaScript it applies on change. */
export function ListingSort({ data }: { data: ListingPageData }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const submit = useSubmit();
  const kept = [...new URLSearchParams(search)].filter(([name]) => name !== "sort" && name !== "page");
  return (
    <Form method="get" className="listing-sort">
      {kept.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <SelectField
        name="sort"
        label={t("catalog.sort")}
        defaultValue={data.filters.sort}
        options={data.sorts.map((sort) => ({ value: sort, label: t(`catalog.sorts.${sort}`) }))}
        onChange={(event) => submit(event.currentTarget.form)}
      />
      <noscript>
        <button type="submit">{t("catalog.applySort")}</button>
      </noscript>
    </Form>
  );
}
