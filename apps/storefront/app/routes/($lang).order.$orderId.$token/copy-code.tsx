import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "../../lib/use-hydrated.ts";

/**
 * A code the shopper pastes into their bank's app: selectable text for everyone, and a copy
 * button once JavaScript is there to run it.
 */
export function CopyCode({ id, label, code }: { id: string; label: string; code: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-code">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={3} value={code} onFocus={(event) => event.currentTarget.select()} />
      {hydrated ? (
        <button
          type="button"
          className="button-secondary"
          onClick={() => navigator.clipboard.writeText(code).then(() => setCopied(true), () => setCopied(false))}
        >
          {t("orderStatus.copy")}
        </button>
      ) : null}
      <p role="status" className="field-hint">
        {copied ? t("orderStatus.copied") : ""}
      </p>
    </div>
  );
}
