import { Field } from "@primestore/ui";
import { useTranslation } from "react-i18next";

/** The shopper's email, as the account and order forms ask for it (and browsers fill it in). */
export function EmailField({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  const { t } = useTranslation();
  return <Field name="email" type="email" label={t("common.email")} autoComplete="email" required defaultValue={defaultValue} error={error} />;
}

/** A password being chosen: the browser may suggest one, and the hint says how long it must be. */
export function NewPasswordField({ label, minLength, error }: { label: string; minLength: number; error?: string }) {
  const { t } = useTranslation();
  return (
    <Field
      name="password"
      type="password"
      label={label}
      autoComplete="new-password"
      required
      minLength={minLength}
      hint={t("account.passwordHint", { min: minLength })}
      error={error}
    />
  );
}
