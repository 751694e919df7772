export { Field, SelectField, type FieldProps, type SelectFieldProps, type SelectOption } from "./field.tsx";
export { FormError } from "./form-error.tsx";
export { PreferenceForm, type PreferenceFormProps } from "./preference-form.tsx";
export { StatusPage, type StatusPageProps } from "./status-page.tsx";
