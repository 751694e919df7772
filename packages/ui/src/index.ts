export { Document, type DocumentProps } from "./document.tsx";
export { errorPayloadOf, type AppErrorCode, type ErrorPayload } from "./error-payload.ts";
export { Field, SelectField, type FieldProps, type SelectFieldProps, type SelectOption } from "./field.tsx";
export { FormError } from "./form-error.tsx";
export { MainContent, SkipLink } from "./main-content.tsx";
export { PreferenceForm, type PreferenceFormProps } from "./preference-form.tsx";
export { RouteError } from "./route-error.tsx";
export { StatusPage, type StatusPageProps } from "./status-page.tsx";
export { SubmitButton, type SubmitButtonProps } from "./submit-button.tsx";
