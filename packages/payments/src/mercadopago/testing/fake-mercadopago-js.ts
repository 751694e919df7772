/**
 * A stand-in for sdk.mercadopago.com/js/v2, served by the fake: the Core Methods the storefront
 * uses (`new MercadoPago(publicKey)`, secure fields for number, expiry and security code with their
 * `binChange` event, `getPaymentMethods`, `fields.createCardToken`), talking to the fake's API as
 * MercadoPago.js talks to MP's, with the seller's public key. The "secure fields" are inputs without
 * names: as with MP's iframes, the card never enters the store's form.
 */
export function fakeMercadoPagoJs(apiUrl: string): string {
  return `(() => {
  const api = ${JSON.stringify(apiUrl)};
  async function answer(response) {
    const body = await response.json();
    if (!response.ok) throw body;
    return body;
  }
  window.MercadoPago = class MercadoPago {
    constructor(publicKey) {
      if (!publicKey) throw new Error("MercadoPago.js needs a public key");
      const mounted = {};
      const query = () => "public_key=" + encodeURIComponent(publicKey);
      this.getPaymentMethods = async ({ bin }) => answer(await fetch(api + "/v1/payment_methods/search?" + query() + "&bins=" + encodeURIComponent(bin)));
      this.getIdentificationTypes = async () => [{ id: "CPF", name: "CPF" }, { id: "CNPJ", name: "CNPJ" }];
      this.fields = {
        create(type, options = {}) {
          if (!["cardNumber", "expirationDate", "securityCode"].includes(type)) throw new Error("The fake has no secure field " + type);
          const listeners = {};
          const field = {
            mount(containerId) {
              const input = document.createElement("input");
              input.className = "fake-mp-secure-field";
              input.inputMode = "numeric";
              input.placeholder = options.placeholder ?? "";
              input.setAttribute("aria-label", options.placeholder ?? type);
              let lastBin;
              input.addEventListener("input", () => {
                if (type !== "cardNumber") return;
                const digits = input.value.replace(/\\D/g, "");
                const bin = digits.length >= 8 ? digits.slice(0, 8) : undefined;
                if (bin !== lastBin) (listeners.binChange ?? []).forEach((listener) => listener({ bin, field: type }));
                lastBin = bin;
              });
              document.getElementById(containerId).replaceChildren(input);
              mounted[type] = input;
              return field;
            },
            on(event, listener) {
              (listeners[event] ??= []).push(listener);
              return field;
            },
            unmount() {
              mounted[type]?.remove();
              delete mounted[type];
            },
          };
          return field;
        },
        async createCardToken({ cardholderName, identificationType, identificationNumber }) {
          const value = (type) => mounted[type]?.value.replace(/\\s/g, "") ?? "";
          const [month, year] = value("expirationDate").split("/");
          const body = {
            card_number: value("cardNumber"),
            expiration_month: month,
            expiration_year: year && year.length === 2 ? "20" + year : year,
            security_code: value("securityCode"),
            cardholder: { name: cardholderName, identification: { type: identificationType, number: identificationNumber } },
          };
          return answer(await fetch(api + "/v1/card_tokens?" + query(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
        },
      };
    }
  };
})();
`;
}
