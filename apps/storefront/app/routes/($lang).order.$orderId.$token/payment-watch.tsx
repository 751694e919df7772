import { useTRPC } from "@primestore/ui/api";
import { useQuery } from "@tanstack/react-query";
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

const POLL_MS = 3_000;

/**
 * While a PIX or boleto is unpaid, asks every few seconds whether it still is, and reloads the
 * page once it isn't. Without JavaScript the page's "check again" button does the asking.
 */
export function PaymentWatch({ orderId, token }: { orderId: string; token: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const { data } = useQuery(trpc.orders.paymentStatus.queryOptions({ orderId, token }, { refetchInterval: POLL_MS }));
  const settled = data !== undefined && data.paymentStatus !== "pending";
  useEffect(() => {
    if (settled && revalidator.state === "idle") revalidator.revalidate();
  }, [settled, revalidator]);
  return (
    <p className="notice" role="status">
      {t("orderStatus.waiting")}
    </p>
  );
}
