import { formatDate } from "@primestore/i18n";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

function remaining(until: Date, now: number): string {
  const seconds = Math.max(0, Math.floor((until.getTime() - now) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "Pay by 14:32" from the server; with JavaScript, a live countdown to the same moment. */
export function Countdown({ until, locale }: { until: Date; locale: string }) {
  const { t } = useTranslation();
  // Set after hydration only: the server's clock and the browser's render the same first HTML.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return <p>{t("orderStatus.payBy", { time: formatDate(until, locale, { dateStyle: "short", timeStyle: "short" }) })}</p>;
  return <p className="countdown">{t("orderStatus.expiresIn", { time: remaining(until, now) })}</p>;
}
