import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type ChoosableProduct, canBuyWith, type Selection } from "../lib/variant-choice.ts";

export interface VariantPickerProps {
  product: ChoosableProduct;
  selection: Selection;
  onChange: (selection: Selection) => void;
}

/**
 * One radio group per option; values that lead to nothing buyable stay choosable but say so.
 * With JavaScript the choice applies as it changes; without, the form asks the server (GET).
 */
export function VariantPicker({ product, selection, onChange }: VariantPickerProps) {
  const { t } = useTranslation();
  return (
    <Form method="get" replace preventScrollReset className="variant-picker" aria-label={t("catalog.chooseOptions")}>
      {product.options.map((option) => (
        <fieldset key={option.name}>
          <legend>{option.name}</legend>
          {option.values.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={option.name}
                value={value}
                checked={selection[option.name] === value}
                onChange={() => onChange({ ...selection, [option.name]: value })}
              />
              <span>{canBuyWith(product, selection, option.name, value) ? value : t("catalog.unavailableValue", { value })}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {/* In <noscript>, not removed on hydration: the buy button below mustn't move under a shopper's finger. */}
      <noscript>
        <button type="submit" className="button-secondary">
          {t("catalog.showChoice")}
        </button>
      </noscript>
    </Form>
  );
}
