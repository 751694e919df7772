import type { SelectOption } from "./field.tsx";
import { SelectField } from "./field.tsx";

export interface PreferenceFormProps {
  /** The route whose action stores the preference (a cookie) and redirects back. */
  action: string;
  name: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  /** Where to come back to, path and query of the current page. */
  redirectTo: string;
  submitLabel: string;
}

/**
 * A plain form with an explicit submit button: works without JavaScript, and changing the
 * select alone never reloads the page under a keyboard or screen-reader user (WCAG 3.2.2).
 */
export function PreferenceForm({ action, name, label, value, options, redirectTo, submitLabel }: PreferenceFormProps) {
  return (
    <form method="post" action={action} className="preference-form">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <SelectField name={name} label={label} defaultValue={value} options={options} />
      <button type="submit" className="button-secondary">
        {submitLabel}
      </button>
    </form>
  );
}
