import { useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "children" | "disabled"> & { label: string };

/**
 * A form's main button: while the page's form is on its way it says so and can't be pressed
 * again, so an impatient second click never sends the form twice.
 */
export function SubmitButton({ label, ...button }: SubmitButtonProps) {
  const submitting = useNavigation().state === "submitting";
  const { t } = useTranslation();
  return (
    <button type="submit" disabled={submitting} {...button}>
      {submitting ? t("common.loading") : label}
    </button>
  );
}
