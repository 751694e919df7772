import { formatDate, formatMoney } from "@primestore/i18n";
import { RouteError } from "@primestore/ui";
import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { dateTimeFormat } from "../../lib/format.ts";
import { auditFilterOf } from "./audit-filter.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  return { log: await api.audit.list(auditFilterOf(new URL(request.url).searchParams)).catch(throwForPage(request)) };
}

type Entry = SerializeFrom<typeof loader>["log"]["entries"][number];

/** Fields named after a role whose values are built-in role names, shown translated. */
const ROLE_FIELDS = new Set(["role", "from", "to"]);

/** An entry's data as a short line in the reader's language: money formatted, lists joined, ids and nested values left out. */
function useDetails() {
  const { t, i18n } = useTranslation();
  const shown = (key: string, value: string) => (ROLE_FIELDS.has(key) ? t(`portal.roles.${value}`, { defaultValue: value }) : value);
  return (entry: Entry) => {
    const { amount, currency, ...rest } = entry.data as Record<string, unknown>;
    const parts = typeof amount === "string" && typeof currency === "string" ? [formatMoney(BigInt(amount), currency, i18n.language)] : [];
    for (const [key, value] of Object.entries(rest)) {
      const label = t(`portal.audit.fields.${key}`, { defaultValue: "" });
      if (!label) continue;
      if (typeof value === "string" || typeof value === "number") parts.push(`${label}: ${shown(key, String(value))}`);
      else if (Array.isArray(value) && value.every((item) => typeof item === "string")) parts.push(`${label}: ${value.join(", ")}`);
    }
    return parts.join(" · ") || "—";
  };
}

export default function ActivityPage() {
  const { log } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const details = useDetails();
  const older = new URLSearchParams(params);
  if (log.next) older.set("before", log.next);
  return (
    <>
      <h2 id="activity-title">{t("portal.audit.title")}</h2>
      <p className="muted">{t("portal.audit.intro")}</p>
      <Form method="get" className="toolbar" aria-label={t("portal.audit.filter")}>
        <div className="field">
          <label htmlFor="activity-entity">{t("portal.audit.entity")}</label>
          <select id="activity-entity" name="entity" defaultValue={params.get("entity") ?? ""}>
            <option value="">{t("portal.audit.anyEntity")}</option>
            {log.entities.map((entity) => (
              <option key={entity} value={entity}>
                {t(`portal.audit.entities.${entity}`, { defaultValue: entity })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="activity-actor">{t("portal.audit.actor")}</label>
          <select id="activity-actor" name="actor" defaultValue={params.get("actor") ?? ""}>
            <option value="">{t("portal.audit.anyone")}</option>
            {log.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="activity-from">{t("portal.audit.from")}</label>
          <input id="activity-from" type="date" name="from" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="activity-to">{t("portal.audit.to")}</label>
          <input id="activity-to" type="date" name="to" defaultValue={params.get("to") ?? ""} />
        </div>
        <button type="submit">{t("portal.audit.filter")}</button>
      </Form>
      {log.entries.length ? (
        <div className="table-scroll">
          <table aria-labelledby="activity-title">
            <thead>
              <tr>
                <th scope="col">{t("portal.audit.when")}</th>
                <th scope="col">{t("portal.audit.who")}</th>
                <th scope="col">{t("portal.audit.what")}</th>
                <th scope="col">{t("portal.audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(entry.at, i18n.language, dateTimeFormat)}</td>
                  <td>{entry.actor ? entry.actor.name : t("portal.audit.system")}</td>
                  <th scope="row">{t(`portal.audit.actions.${entry.action}`, { defaultValue: entry.action })}</th>
                  <td>{details(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("portal.audit.none")}</p>
      )}
      {log.next ? (
        <p>
          <Link to={`?${older}`}>{t("portal.audit.older")}</Link>
        </p>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
