import { Field } from "@primestore/ui";
import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { IntentButton } from "../../components/intent-button.tsx";
import { MAX_QUANTITY } from "../../lib/cart-line.ts";
import { useLocalePath } from "../../lib/locale-path.ts";

export interface CartLineItemProps {
  line: {
    variantId: string;
    productSlug: string;
    productTitle: string;
    variantTitle: string;
    imageUrl: string | null;
    quantity: number;
    available: number;
    unitPrice: number | null;
    total: bigint | null;
    problem: string | null;
  };
  money: (amount: number | bigint) => string;
  /** Already translated: why the last change to this line failed. */
  error: string | null;
}

/** One line of the cart with its own plain forms, so quantities change without JavaScript too. */
export function CartLineItem({ line, money, error }: CartLineItemProps) {
  const { t } = useTranslation();
  const localePath = useLocalePath();
  const titleId = useId();
  return (
    <article className="cart-line" aria-labelledby={titleId}>
      {line.imageUrl ? <img src={line.imageUrl} alt="" className="cart-line-image" /> : null}
      <div className="cart-line-details">
        <h2 id={titleId} className="cart-line-title">
          <Link to={localePath(`/products/${line.productSlug}`)}>{line.productTitle}</Link>
          {line.variantTitle !== line.productTitle ? <span className="cart-line-variant"> · {line.variantTitle}</span> : null}
        </h2>
        <p>
          {t("cart.unitPrice")}: {line.unitPrice === null ? t("storefront.priceUnavailable") : money(line.unitPrice)}
        </p>
        {line.problem ? <p className="field-error">{t(`cart.problems.${line.problem}`, { available: line.available })}</p> : null}
        <div className="cart-line-forms">
          {/* Keyed by the stored quantity: after a change the field shows what the cart now holds. */}
          <Form method="post" className="cart-line-quantity" key={line.quantity}>
            <input type="hidden" name="variant" value={line.variantId} />
            <Field name="qty" type="number" label={t("storefront.quantity")} defaultValue={line.quantity} min={0} max={MAX_QUANTITY} required error={error ?? undefined} />
            <button type="submit" name="intent" value="set" className="button-secondary">
              {t("cart.update")}
            </button>
          </Form>
          <IntentButton target={{ name: "variant", value: line.variantId }} intent="remove" label={t("cart.remove")} />
        </div>
      </div>
      {line.total === null ? null : (
        <p className="cart-line-total">
          {t("cart.lineTotal")}: {money(line.total)}
        </p>
      )}
    </article>
  );
}
