import { Field, type FieldProps } from "@primestore/ui";
import { useId } from "react";
import { useTranslation } from "react-i18next";

type AddressField = "name" | "line1" | "number" | "line2" | "district" | "city" | "region" | "postalCode" | "country" | "phone" | "taxId";

export interface AddressFieldsProps {
  values: Partial<Record<AddressField, string | null>>;
  problems?: Partial<Record<AddressField, "required" | "invalid">>;
  isDefault: boolean;
}

/** The address form's controls, for a new address and for editing one. */
export function AddressFields({ values, problems = {}, isDefault }: AddressFieldsProps) {
  const { t } = useTranslation();
  const defaultId = useId();
  const field = (name: AddressField, label: string, props: Omit<FieldProps, "name" | "label"> = {}) => (
    <Field name={name} label={label} defaultValue={values[name] ?? ""} error={problems[name] ? t(`forms.${problems[name]}`) : undefined} {...props} />
  );
  return (
    <>
      {field("name", t("common.name"), { autoComplete: "name", required: true, maxLength: 120 })}
      {field("line1", t("storefront.addressLine1"), { autoComplete: "address-line1", required: true, maxLength: 200 })}
      {field("number", t("storefront.addressNumber"), { maxLength: 20 })}
      {field("line2", t("account.line2"), { autoComplete: "address-line2", maxLength: 200 })}
      {field("district", t("account.district"), { maxLength: 120 })}
      {field("city", t("storefront.city"), { autoComplete: "address-level2", required: true, maxLength: 120 })}
      {field("region", t("storefront.region"), { autoComplete: "address-level1", required: true, maxLength: 120 })}
      {field("postalCode", t("storefront.postalCode"), { autoComplete: "postal-code", required: true, maxLength: 12 })}
      {field("country", t("storefront.country"), { autoComplete: "country", required: true, maxLength: 2, hint: t("storefront.countryHint") })}
      {field("phone", t("account.phone"), { type: "tel", autoComplete: "tel", maxLength: 30 })}
      {field("taxId", t("checkout.taxId"), { inputMode: "numeric", maxLength: 32, hint: t("checkout.taxIdHint") })}
      <div className="field field-checkbox">
        <input type="checkbox" id={defaultId} name="isDefault" defaultChecked={isDefault} />
        <label htmlFor={defaultId}>{t("account.setAsDefault")}</label>
      </div>
    </>
  );
}
