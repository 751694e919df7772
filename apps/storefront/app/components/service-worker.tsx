import { useEffect } from "react";

/** Registers the offline fallback once the page is interactive; browsers without support skip it. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
  }, []);
  return null;
}
