import { useTRPC } from "@primestore/ui/api";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The API's CEP rule (00000-000 or 00000000): anything else would only earn a validation error. */
const CEP = /^\d{5}-?\d{3}$/;
/** Fields a CEP can fill, by form field name; `district` only where the form has one. */
const FILLABLE = ["line1", "district", "city", "region"] as const;
/** A CEP's address rarely changes: one lookup per CEP while the page is open. */
const CEP_STALE_MS = 60 * 60 * 1000;

function inputNamed(form: HTMLFormElement, name: string): HTMLInputElement | null {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement ? element : null;
}

/**
 * With JavaScript, a Brazilian CEP typed at checkout fills the street, district, city and state the
 * shopper left empty, and says so to screen readers. Without it, the shopper types them as before.
 */
export function usePostalCodeFill() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const latest = useRef("");

  async function fillFromPostalCode(form: HTMLFormElement) {
    const postalCode = inputNamed(form, "postalCode")?.value.trim() ?? "";
    const country = inputNamed(form, "country")?.value.trim().toUpperCase() ?? "";
    latest.current = postalCode;
    if (country !== "BR" || !CEP.test(postalCode)) return;
    setAnnouncement("");
    const address = await queryClient
      .fetchQuery({ ...trpc.orders.lookupPostalCode.queryOptions({ postalCode }), staleTime: CEP_STALE_MS })
      .catch(() => null);
    // The shopper may have typed another CEP while this one was looked up.
    if (!address || latest.current !== postalCode) return;
    let filled = false;
    for (const name of FILLABLE) {
      const input = inputNamed(form, name);
      const value = address[name];
      if (input && value && !input.value.trim()) {
        input.value = value;
        filled = true;
      }
    }
    if (filled) setAnnouncement(t("checkout.addressFromPostalCode"));
  }

  const status = (
    <p role="status" className="visually-hidden">
      {announcement}
    </p>
  );
  return { fillFromPostalCode, status };
}
