import { formatMoney } from "@primestore/i18n";
import { useId } from "react";
import { useTranslation } from "react-i18next";

export interface Balance {
  currency: string;
  pending: bigint;
  available: bigint;
}

const LABEL_WIDTH = 56;
const BAR_WIDTH = 420;
const ROW_HEIGHT = 36;
const BAR_HEIGHT = 20;

/** `part` of `whole` as a length on the bar: only geometry is a float here, never the money. */
function share(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  return (Number((part * 100_000n) / whole) / 100_000) * BAR_WIDTH;
}

/**
 * One stacked bar per currency, each on its own scale (reais and dollars don't add up): what is
 * available, then what is still in the hold period. A negative available balance (refunds after a
 * payout) is drawn left of the zero line. Patterns as well as colours tell the parts apart, and the
 * figures themselves are in the balances table next to it.
 */
export function BalanceChart({ balances, tableId }: { balances: Balance[]; tableId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const money = (amount: bigint, currency: string) => formatMoney(amount, currency, i18n.language);
  const height = balances.length * ROW_HEIGHT + 8;
  const summary = balances
    .map((balance) => t("portal.finance.chartRow", { currency: balance.currency, pending: money(balance.pending, balance.currency), available: money(balance.available, balance.currency) }))
    .join(" ");

  return (
    <figure className="balance-chart" aria-labelledby={`${id}-caption`}>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 8} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{t("portal.finance.chartTitle")}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <defs>
          <pattern id={`${id}-pending`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="chart-pending-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="chart-pending-line" strokeWidth="3" />
          </pattern>
          <pattern id={`${id}-negative`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" className="chart-negative-bg" />
            <path d="M0 0L6 6M6 0L0 6" className="chart-negative-line" strokeWidth="1.5" />
          </pattern>
        </defs>
        {balances.map((balance, row) => {
          const negative = balance.available < 0n ? -balance.available : 0n;
          const positive = balance.available > 0n ? balance.available : 0n;
          const extent = negative + positive + balance.pending;
          const zero = LABEL_WIDTH + share(negative, extent);
          const y = row * ROW_HEIGHT + 8;
          const availableWidth = share(positive, extent);
          return (
            <g key={balance.currency}>
              <text x="0" y={y + BAR_HEIGHT - 5} className="chart-label">
                {balance.currency}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={BAR_WIDTH} height={BAR_HEIGHT} className="chart-track" />
              {negative > 0n ? <rect x={LABEL_WIDTH} y={y} width={zero - LABEL_WIDTH} height={BAR_HEIGHT} fill={`url(#${id}-negative)`} /> : null}
              {positive > 0n ? <rect x={zero} y={y} width={availableWidth} height={BAR_HEIGHT} className="chart-available" /> : null}
              {balance.pending > 0n ? (
                <rect x={zero + availableWidth} y={y} width={share(balance.pending, extent)} height={BAR_HEIGHT} fill={`url(#${id}-pending)`} />
              ) : null}
              {negative > 0n ? <line x1={zero} x2={zero} y1={y - 3} y2={y + BAR_HEIGHT + 3} className="chart-zero" strokeWidth="2" /> : null}
            </g>
          );
        })}
      </svg>
      <figcaption id={`${id}-caption`}>
        <span className="chart-caption">{t("portal.finance.chartTitle")}</span>{" "}
        <a href={`#${tableId}`} className="muted">
          {t("portal.finance.chartTextAlternative")}
        </a>
        <ul className="chart-legend">
          <li>
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
              <rect width="14" height="14" className="chart-available" />
            </svg>{" "}
            {t("portal.finance.available")}
          </li>
          <li>
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
              <rect width="14" height="14" fill={`url(#${id}-pending)`} />
            </svg>{" "}
            {t("portal.finance.pending")}
          </li>
          <li>
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
              <rect width="14" height="14" fill={`url(#${id}-negative)`} />
            </svg>{" "}
            {t("portal.finance.negative")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
