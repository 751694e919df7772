import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorPayloadOf, type AppErrorCode } from "./error-payload.ts";
import { StatusPage } from "./status-page.tsx";

const titleKeys: Record<number, string> = {
  400: "common.badRequestTitle",
  403: "common.forbiddenTitle",
  404: "common.notFoundTitle",
};

// For responses that carry no domain code, e.g. Remix's own 404 for a URL no route matches.
const codeByStatus: Record<number, AppErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
};

/** Every route's ErrorBoundary: a translated page for HTTP errors, a generic one for crashes. */
export function RouteError({ notFoundMessage }: { notFoundMessage?: string }) {
  const error = useRouteError();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error)) {
    return (
      <StatusPage status={500} title={t("common.errorTitle")}>
        <p>{t("common.errorBody")}</p>
      </StatusPage>
    );
  }
  const code = errorPayloadOf(error.data)?.code ?? codeByStatus[error.status];
  const message = error.status === 404 && notFoundMessage ? notFoundMessage : code ? t(`errors.${code}`) : t("common.errorBody");
  return (
    <StatusPage status={error.status} title={t(titleKeys[error.status] ?? "common.errorTitle")}>
      <p>{message}</p>
    </StatusPage>
  );
}
