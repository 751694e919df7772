import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { loadScript } from "../../lib/load-script.ts";
import type { CardFormHandle, CardFormProps } from "./card-form.tsx";

/** The part of MercadoPago.js v2 (Core Methods with secure fields) this form uses. */
type SecureFieldType = "cardNumber" | "expirationDate" | "securityCode";
interface SecureField {
  mount(containerId: string): SecureField;
  on(event: "binChange", listener: (event: { bin?: string }) => void): SecureField;
  unmount(): void;
}
interface CardBrand {
  id: string;
  name: string;
  issuer?: { id: number | string };
}
interface MercadoPagoJs {
  fields: {
    create(type: SecureFieldType, options: { placeholder: string }): SecureField;
    createCardToken(input: { cardholderName: string; identificationType: string; identificationNumber: string }): Promise<{ id: string }>;
  };
  getPaymentMethods(input: { bin: string }): Promise<{ results: CardBrand[] }>;
}
declare global {
  interface Window {
    MercadoPago?: new (publicKey: string, options: { locale: string }) => MercadoPagoJs;
  }
}

const SECURE_FIELDS: Array<{ type: SecureFieldType; label: string }> = [
  { type: "cardNumber", label: "checkout.card.number" },
  { type: "expirationDate", label: "checkout.card.expiry" },
  { type: "securityCode", label: "checkout.card.securityCode" },
];

/** Mercado Pago wants the cardholder's CPF or CNPJ; the checkout's tax id field holds it. */
function cardholderDocument(checkout: FormData): { identificationType: string; identificationNumber: string } | null {
  const digits = String(checkout.get("taxId") ?? "").replace(/\D/g, "");
  if (digits.length === 11) return { identificationType: "CPF", identificationNumber: digits };
  if (digits.length === 14) return { identificationType: "CNPJ", identificationNumber: digits };
  return null;
}

/**
 * Mercado Pago's secure fields (Core Methods): the number, expiry and security code are typed into
 * Mercado Pago's iframes with the seller's public key, the card's BIN names its brand and issuer,
 * and MercadoPago.js makes the card token the order is charged with.
 */
export const MercadoPagoCardForm = forwardRef<CardFormHandle, CardFormProps>(function MercadoPagoCardForm({ config, locale, onCardChange }, ref) {
  const { t } = useTranslation();
  // The latest listener without mounting the secure fields again each time the page renders.
  const cardChanged = useRef(onCardChange);
  cardChanged.current = onCardChange;
  const id = useId().replace(/:/g, "");
  const sdk = useRef<MercadoPagoJs | null>(null);
  const brand = useRef<CardBrand | null>(null);
  const [brandName, setBrandName] = useState<string | null>(null);
  const [holder, setHolder] = useState("");
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    const fields: SecureField[] = [];
    loadScript(config.scriptUrl).then(
      () => {
        if (cancelled || !window.MercadoPago) return;
        const mp = new window.MercadoPago(config.publicKey, { locale });
        for (const { type, label } of SECURE_FIELDS) fields.push(mp.fields.create(type, { placeholder: t(label) }).mount(`${id}-${type}`));
        fields[0]?.on("binChange", ({ bin }) => {
          brand.current = null;
          setBrandName(null);
          if (!bin) return cardChanged.current?.(null);
          mp.getPaymentMethods({ bin }).then(
            ({ results }) => {
              brand.current = results[0] ?? null;
              setBrandName(results[0]?.name ?? null);
              cardChanged.current?.(results[0] ? { brand: results[0].id, bin } : null);
            },
            () => undefined,
          );
        });
        sdk.current = mp;
        setStatus("ready");
      },
      () => !cancelled && setStatus("failed"),
    );
    return () => {
      cancelled = true;
      sdk.current = null;
      for (const field of fields) field.unmount();
    };
  }, [config.scriptUrl, config.publicKey, locale, id, t]);

  useImperativeHandle(ref, () => ({
    async tokenize(checkout) {
      const mp = sdk.current;
      if (!mp) return { error: t("checkout.card.unavailable") };
      if (!holder.trim()) return { error: t("checkout.card.holderRequired") };
      const cardholder = cardholderDocument(checkout);
      if (!cardholder) return { error: t("checkout.card.documentRequired") };
      if (!brand.current) return { error: t("checkout.card.unknownBrand") };
      try {
        const token = await mp.fields.createCardToken({ cardholderName: holder.trim(), ...cardholder });
        return { fields: { cardToken: token.id, cardBrand: brand.current.id, cardIssuer: String(brand.current.issuer?.id ?? "") } };
      } catch {
        return { error: t("checkout.card.invalid") };
      }
    },
  }));

  return (
    <div className="card-form">
      {SECURE_FIELDS.map(({ type, label }) => (
        <div key={type} className="field">
          {/* Mercado Pago's iframe names its own input (the placeholder): this is the label sighted shoppers read. */}
          <span className="field-label" aria-hidden="true">
            {t(label)}
          </span>
          <div id={`${id}-${type}`} className="card-form-element" />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-holder`}>{t("checkout.card.holder")}</label>
        {/* No name: the cardholder's name goes to Mercado Pago with the card, not in our form. */}
        <input id={`${id}-holder`} autoComplete="cc-name" value={holder} onChange={(event) => setHolder(event.currentTarget.value)} />
      </div>
      {brandName ? <p className="field-hint">{t("checkout.card.brand", { brand: brandName })}</p> : null}
      {status === "loading" ? <p className="field-hint">{t("checkout.card.loading")}</p> : null}
      {status === "failed" ? <p className="field-error">{t("checkout.card.unavailable")}</p> : null}
    </div>
  );
});
