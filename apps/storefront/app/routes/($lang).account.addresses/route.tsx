import { MAX_ADDRESSES } from "@primestore/api";
import { FormError, RouteError, SubmitButton } from "@primestore/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { AccountNav } from "../../components/account-nav.tsx";
import { IntentButton } from "../../components/intent-button.tsx";
import { requireCustomer } from "../../lib/account.server.ts";
import { expectedFailure, throwAsResponse } from "../../lib/api-errors.server.ts";
import { privateNoStoreHeaders } from "../../lib/cache-headers.ts";
import { invariantResponse } from "../../lib/http.server.ts";
import { localeHref } from "../../lib/locale-path.ts";
import { privatePageMeta } from "../../lib/private-page-meta.ts";
import { loadStorefront } from "../../lib/storefront.server.ts";
import { AddressFields } from "./address-fields.tsx";
import { addressProblems, applyAddressChange, readAddressChange } from "./address-form.server.ts";

export const headers = privateNoStoreHeaders;
export const meta = privatePageMeta("account.addressesTitle");

const doneMessages = { create: "account.addressSaved", update: "account.addressSaved", delete: "account.addressDeleted", default: "account.defaultChanged" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await loadStorefront(request, params);
  await requireCustomer(api, request, params.lang);
  const addresses = await api.account.listAddresses().catch(throwAsResponse);
  const done = new URL(request.url).searchParams.get("done");
  return { addresses, maxAddresses: MAX_ADDRESSES, done: done && done in doneMessages ? (done as keyof typeof doneMessages) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { api } = await loadStorefront(request, params);
  const form = await request.formData();
  const change = readAddressChange(form);
  invariantResponse(change, "BAD_REQUEST", 400);
  try {
    await applyAddressChange(api, change, form.get("isDefault") === "on");
  } catch (error) {
    const failure = expectedFailure(error);
    return data({ ...change, code: failure.code, problems: addressProblems(failure.invalidFields, change.values) }, { status: failure.status });
  }
  // Post/redirect/get: a reload shows the book rather than repeating the change.
  return redirect(`${localeHref(params.lang, "/account/addresses")}?done=${change.intent}`);
}

/** Field problems show on their fields; what no field explains (the limit, a vanished address) shows on top. */
function formErrorOf(t: TFunction, failure: { code: string; problems: object } | null, maxAddresses: number): string | null {
  if (!failure) return null;
  if (failure.code !== "VALIDATION") return t(`errors.${failure.code}`);
  return Object.keys(failure.problems).length ? null : t("account.addressLimit", { max: maxAddresses });
}

export default function Addresses() {
  const { addresses, maxAddresses, done } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  const failedOn = (id: string) => (failed && failed.id === id ? failed : null);
  const creating = failed?.intent === "create" ? failed : null;
  return (
    <section className="account" aria-labelledby="addresses-title">
      <h1 id="addresses-title">{t("account.addressesTitle")}</h1>
      <AccountNav />
      {done && !failed ? (
        <p className="notice" role="status">
          {t(doneMessages[done])}
        </p>
      ) : null}
      {addresses.length === 0 ? <p>{t("account.noAddresses")}</p> : null}
      <ul className="account-addresses">
        {addresses.map((address) => {
          const failure = failedOn(address.id);
          return (
            <li key={address.id}>
              <address>
                {address.name}
                <br />
                {[address.line1, address.number, address.line2].filter(Boolean).join(", ")}
                <br />
                {[address.district, address.city, address.region].filter(Boolean).join(", ")}
                <br />
                {address.postalCode} · {address.country}
              </address>
              {address.isDefault ? <p className="badge badge-success">{t("account.defaultAddress")}</p> : null}
              <FormError message={formErrorOf(t, failure, maxAddresses)} />
              <div className="account-address-actions">
                {address.isDefault ? null : <IntentButton target={{ name: "id", value: address.id }} intent="default" label={t("account.makeDefault")} />}
                <IntentButton target={{ name: "id", value: address.id }} intent="delete" label={t("account.deleteAddress")} />
              </div>
              {/* A disclosure, not a dialog: it opens and closes without JavaScript. */}
              <details open={failure?.intent === "update"}>
                <summary>{t("account.editAddress")}</summary>
                <Form method="post">
                  <input type="hidden" name="id" value={address.id} />
                  <AddressFields values={failure?.values ?? address} problems={failure?.problems} isDefault={address.isDefault} />
                  <button type="submit" name="intent" value="update" disabled={submitting}>
                    {t("account.saveAddress")}
                  </button>
                </Form>
              </details>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="new-address-title">
        <h2 id="new-address-title">{t("account.addAddress")}</h2>
        <Form method="post" className="account-form">
          <FormError message={formErrorOf(t, creating, maxAddresses)} />
          <AddressFields values={creating?.values ?? {}} problems={creating?.problems} isDefault={addresses.length === 0} />
          <SubmitButton name="intent" value="create" label={t("account.saveAddress")} />
        </Form>
      </section>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
