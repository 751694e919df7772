import { useId, type InputHTMLAttributes, type SelectHTMLAttributes } from "react";

interface Labelled {
  label: string;
  /** Already translated; also marks the control invalid for assistive technology. */
  error?: string;
  hint?: string;
}

function describedBy(id: string, { error, hint }: Labelled): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ id, error, hint }: Labelled & { id: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

export type FieldProps = Labelled & InputHTMLAttributes<HTMLInputElement> & { name: string };

/** A labelled input: every control gets a visible label and its error read out with it. */
export function Field({ label, error, hint, id, className, ...input }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={controlId}>{label}</label>
      <input id={controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(controlId, { label, error, hint })} {...input} />
      <Messages id={controlId} label={label} error={error} hint={hint} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectFieldProps = Labelled & SelectHTMLAttributes<HTMLSelectElement> & { name: string; options: readonly SelectOption[] };

export function SelectField({ label, error, hint, id, className, options, ...select }: SelectFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(controlId, { label, error, hint })} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages id={controlId} label={label} error={error} hint={hint} />
    </div>
  );
}
