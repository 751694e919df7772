import { useTranslation } from "react-i18next";

/** What a form's action returns when the API refused it: a code, and the fields to blame. */
export interface FormFailure<F extends string> {
  code: string;
  problems?: Partial<Record<F, string>>;
}

/**
 * A failed submission as the shopper reads it: each field's problem on that field, and any other
 * failure above the form (a validation failure is already explained field by field).
 */
export function useFormFailure<F extends string>(failed: FormFailure<F> | null | undefined) {
  const { t } = useTranslation();
  return {
    formError: failed && failed.code !== "VALIDATION" ? t(`errors.${failed.code}`) : null,
    fieldError: (field: F): string | undefined => {
      const problem = failed?.problems?.[field];
      return problem ? t(`forms.${problem}`) : undefined;
    },
  };
}
