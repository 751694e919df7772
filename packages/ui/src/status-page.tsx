import type { ReactNode } from "react";

export interface StatusPageProps {
  status: number;
  title: string;
  children?: ReactNode;
}

/** The body of an error page: what went wrong, in the reader's language, never a stack trace. */
export function StatusPage({ status, title, children }: StatusPageProps) {
  return (
    <section className="status-page" aria-labelledby="status-title">
      <p className="status-code">{status}</p>
      <h1 id="status-title">{title}</h1>
      {children}
    </section>
  );
}
