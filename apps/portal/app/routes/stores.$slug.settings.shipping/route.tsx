import { formatMoney, minorToDecimalString } from "@primestore/i18n";
import { Field, FormError, RouteError, SubmitButton, type AppErrorCode } from "@primestore/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { failureForAction, throwForPage } from "../../lib/api-errors.server.ts";
import { serverApi } from "../../lib/api.server.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { useStoreLayout } from "../../lib/store.ts";
import { type RateField, readRateForm } from "./rate-form.server.ts";

const KINDS = ["flat", "by_weight", "free_over"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await serverApi(request, { store: params.slug });
  const [rates, store] = await Promise.all([api.shipping.rates(), api.settings.store()]).catch(throwForPage(request));
  return { rates, currencies: store.currencies };
}

type Rate = SerializeFrom<typeof loader>["rates"][number];

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const { api } = await serverApi(request, { store: params.slug });
  if (intent === "activate" || intent === "deactivate") {
    const toggle: "activate" | "deactivate" = intent;
    const rateId = String(form.get("rateId") ?? "");
    try {
      await api.shipping.setRateActive({ rateId, active: toggle === "activate" });
      return { intent: toggle, ok: true as const, name: String(form.get("name") ?? "") };
    } catch (error) {
      const failure = failureForAction(request, error);
      return data({ intent: toggle, ok: false as const, code: failure.code }, { status: failure.status });
    }
  }
  invariantResponse(intent === "save", "BAD_REQUEST", 400);
  const { values, input, problems } = readRateForm(form);
  const failed = (code: AppErrorCode, fields: string[], status: number) => data({ intent: "save" as const, ok: false as const, code, fields, values }, { status });
  if (problems.length) return failed("VALIDATION", problems, 400);
  try {
    // As read: the API checks the kind and currency against its lists and names what it refuses.
    await api.shipping.saveRate(input as Parameters<typeof api.shipping.saveRate>[0]);
    return { intent: "save" as const, ok: true as const, name: input.name };
  } catch (error) {
    const failure = failureForAction(request, error);
    return failed(failure.code, failure.invalidFields, failure.status);
  }
}

function useConditions() {
  const { t, i18n } = useTranslation();
  return (rate: Rate) =>
    [
      rate.countries.length ? rate.countries.join(", ") : t("portal.shipping.everywhere"),
      rate.minWeightGrams !== null ? t("portal.shipping.from", { grams: rate.minWeightGrams }) : null,
      rate.maxWeightGrams !== null ? t("portal.shipping.upTo", { grams: rate.maxWeightGrams }) : null,
      rate.thresholdAmount !== null ? t("portal.shipping.freeFrom", { amount: formatMoney(rate.thresholdAmount, rate.currency, i18n.language) }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
}

export default function ShippingRatesPage() {
  const { rates, currencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { can } = useStoreLayout();
  const { t, i18n } = useTranslation();
  const conditions = useConditions();
  const editing = rates.find((rate) => rate.id === params.get("edit")) ?? null;
  const saveFailure = result && !result.ok && "values" in result ? result : null;
  const done = result?.ok ? t(result.intent === "save" ? "portal.shipping.created" : `portal.shipping.${result.intent}d`, { name: result.name }) : null;
  return (
    <>
      <h2 id="shipping-title">{t("portal.shipping.title")}</h2>
      <p className="muted">{t("portal.shipping.intro")}</p>
      {done ? (
        <p role="status" className="success">
          {done}
        </p>
      ) : null}
      <FormError message={result && !result.ok ? t(`errors.${result.code}`) : null} />
      {rates.length ? (
        <div className="table-scroll">
          <table aria-labelledby="shipping-title">
            <thead>
              <tr>
                <th scope="col">{t("portal.shipping.name")}</th>
                <th scope="col">{t("portal.shipping.kind")}</th>
                <th scope="col">{t("portal.shipping.amount")}</th>
                <th scope="col">{t("portal.shipping.conditions")}</th>
                <th scope="col">{t("portal.shipping.status")}</th>
                {can["settings:write"] ? <th scope="col">{t("portal.team.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rates.map((rate) => (
                <tr key={rate.id}>
                  <th scope="row">{rate.name}</th>
                  <td>{t(`portal.shipping.kinds.${rate.kind}`)}</td>
                  <td className="numeric">{formatMoney(rate.amount, rate.currency, i18n.language)}</td>
                  <td>{conditions(rate)}</td>
                  <td>{t(rate.active ? "portal.shipping.active" : "portal.shipping.inactive")}</td>
                  {can["settings:write"] ? (
                    <td>
                      <div className="form-actions">
                        <Link to={`?edit=${rate.id}`} aria-label={`${t("portal.shipping.edit")}: ${rate.name}`}>
                          {t("portal.shipping.edit")}
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="rateId" value={rate.id} />
                          <input type="hidden" name="name" value={rate.name} />
                          <SubmitButton
                            name="intent"
                            value={rate.active ? "deactivate" : "activate"}
                            className="button-secondary"
                            label={t(rate.active ? "portal.shipping.deactivate" : "portal.shipping.activate")}
                            aria-label={`${t(rate.active ? "portal.shipping.deactivate" : "portal.shipping.activate")}: ${rate.name}`}
                          />
                        </Form>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("portal.shipping.none")}</p>
      )}
      {can["settings:write"] ? <RateForm key={editing?.id ?? `new-${rates.length}`} rate={editing} currencies={currencies} failed={saveFailure} /> : null}
    </>
  );
}

type SaveFailure = Extract<SerializeFrom<typeof action>, { values: unknown }>;

/** Prices shown in the currency's units, as typed back in. */
const units = (minor: number | null, currency: string) => (minor === null ? "" : minorToDecimalString(minor, currency));

function RateForm({ rate, currencies, failed }: { rate: Rate | null; currencies: readonly string[]; failed: SaveFailure | null }) {
  const { t } = useTranslation();
  const values = failed?.values ?? {
    name: rate?.name ?? "",
    kind: rate?.kind ?? "flat",
    currency: rate?.currency ?? currencies[0] ?? "",
    amount: rate ? units(rate.amount, rate.currency) : "",
    thresholdAmount: rate ? units(rate.thresholdAmount, rate.currency) : "",
    minWeightGrams: rate?.minWeightGrams?.toString() ?? "",
    maxWeightGrams: rate?.maxWeightGrams?.toString() ?? "",
    countries: rate?.countries.join(", ") ?? "",
  };
  const invalid = (field: RateField) => (failed?.fields.includes(field) ? t("forms.invalid") : undefined);
  const title = rate ? t("portal.shipping.editTitle", { name: rate.name }) : t("portal.shipping.newTitle");
  return (
    <Form method="post" className="settings-form panel" aria-label={title}>
      <h3>{title}</h3>
      {rate ? <input type="hidden" name="rateId" value={rate.id} /> : null}
      <Field name="name" label={t("portal.shipping.name")} defaultValue={values.name} required maxLength={80} error={invalid("name")} />
      <div className="field">
        <label htmlFor="rate-kind">{t("portal.shipping.kind")}</label>
        <select id="rate-kind" name="kind" defaultValue={values.kind}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`portal.shipping.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rate-currency">{t("portal.shipping.currency")}</label>
        <select id="rate-currency" name="currency" defaultValue={values.currency}>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </div>
      <Field name="amount" label={t("portal.shipping.amount")} inputMode="decimal" defaultValue={values.amount} required error={invalid("amount")} />
      <Field name="thresholdAmount" label={t("portal.shipping.threshold")} inputMode="decimal" defaultValue={values.thresholdAmount} error={invalid("thresholdAmount")} />
      <Field name="minWeightGrams" label={t("portal.shipping.minWeight")} inputMode="numeric" defaultValue={values.minWeightGrams} error={invalid("minWeightGrams")} />
      <Field name="maxWeightGrams" label={t("portal.shipping.maxWeight")} inputMode="numeric" defaultValue={values.maxWeightGrams} error={invalid("maxWeightGrams")} />
      <Field name="countries" label={t("portal.shipping.countries")} defaultValue={values.countries} error={invalid("countries")} />
      <div className="form-actions">
        <SubmitButton name="intent" value="save" label={rate ? t("portal.shipping.save") : t("portal.shipping.create")} />
        {rate ? <Link to=".">{t("portal.shipping.cancel")}</Link> : null}
      </div>
    </Form>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
