import { executePayout, openDuePayouts, openPayouts, type PaymentGateway, recordDueMoneyReleases } from "@primestore/core/payments";
import type { Db } from "@primestore/db";
import type { QueueBackend } from "@primestore/jobs";

const HOUR_MS = 3_600_000;
/** Open payouts not executed by their own job (a crash between) are picked up this often. */
const RESUME_MS = 5 * 60_000;

type Log = (message: string, extra?: Record<string, unknown>) => void;

/**
 * The `payouts` queue. Opening a payout (balance read, payout row, ledger posting, outbox event)
 * is one transaction keyed per store, schedule and day; executing it is a provider payout keyed
 * by the payout id. So every hour may try to open today's payouts and every worker may execute
 * any of them after any crash: each is paid once.
 */
export function startPayoutsProcessor(deps: { db: Db; adminDb: Db; gateway: PaymentGateway; queues: QueueBackend; resumeEveryMs?: number; log?: Log }) {
  const idleMs = deps.resumeEveryMs ?? RESUME_MS;
  // The scheduler starts a sweep every interval, finished or not: one slow sweep (a backlog, a
  // slow provider) would otherwise be joined by more, all paying the same oldest payouts, until
  // they hold every slot and the payouts' own jobs wait.
  let resuming = false;
  return deps.queues.work(
    "payouts",
    async (payload) => {
      switch (payload.type) {
        case "payouts.open-due": {
          // Money a provider released since the last run is what makes it payable.
          const releases = await recordDueMoneyReleases(deps.adminDb, deps.db, deps.gateway);
          if (releases.checked) deps.log?.("money releases checked", { checked: releases.checked, released: releases.released, failures: releases.failures });
          const opened = await openDuePayouts(deps.adminDb, deps.db);
          if (opened.length) deps.log?.("payouts opened", { count: opened.length });
          return;
        }
        case "payouts.execute": {
          const outcome = await executePayout(deps.db, deps.gateway, payload.tenantId, payload.payoutId);
          deps.log?.("payout executed", { tenantId: payload.tenantId, payoutId: payload.payoutId, outcome });
          return;
        }
        case "payouts.resume": {
          if (resuming) return;
          resuming = true;
          try {
            for (const payout of await openPayouts(deps.adminDb, { idleMs })) {
              await executePayout(deps.db, deps.gateway, payout.tenantId, payout.id).catch((error: unknown) =>
                deps.log?.("payout resume failed", { payoutId: payout.id, error: String(error) }),
              );
            }
          } finally {
            resuming = false;
          }
          return;
        }
      }
    },
    { concurrency: 4 },
  );
}

export async function schedulePayouts(queues: QueueBackend, resumeEveryMs = RESUME_MS): Promise<void> {
  await queues.schedule("payouts", "payouts.open-due", HOUR_MS, { type: "payouts.open-due" });
  await queues.schedule("payouts", "payouts.resume", resumeEveryMs, { type: "payouts.resume" });
}
