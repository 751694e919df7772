import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseJobPayload } from "./queues.ts";
import { routeOutboxEvent } from "./routes.ts";

const event = (type: string, payload: Record<string, unknown>) => ({ id: randomUUID(), tenantId: randomUUID(), type, payload });

describe("outbox routes", () => {
  it("turn each event into one job keyed by the event, which its queue's schema accepts", () => {
    const invited = event("member.invited", { inviteId: randomUUID(), locale: "es", origin: "http://localhost:3001" });
    const [job, ...rest] = routeOutboxEvent(invited);
    expect(rest).toEqual([]);
    expect(job).toMatchObject({ queue: "notifications", jobId: `${invited.id}-notifications` });
    expect(parseJobPayload("notifications", job!.data)).toEqual({ type: "member.invited", tenantId: invited.tenantId, eventId: invited.id, ...invited.payload });

    const payout = event("payout.opened", { payoutId: randomUUID() });
    expect(routeOutboxEvent(payout)).toEqual([{ queue: "payouts", jobId: `${payout.id}-payouts`, data: { type: "payouts.execute", tenantId: payout.tenantId, eventId: payout.id, payoutId: payout.payload.payoutId } }]);
  });

  it("route the platform's own events without a store, and a store's event without one nowhere", () => {
    const reset = { ...event("user.password_reset_requested", { userId: randomUUID(), locale: "en", origin: "http://localhost:3001" }), tenantId: null };
    const [job] = routeOutboxEvent(reset);
    expect(parseJobPayload("notifications", job!.data)).toEqual({ type: "user.password_reset_requested", eventId: reset.id, ...reset.payload });
    expect(routeOutboxEvent({ ...event("order.placed", { orderId: randomUUID() }), tenantId: null })).toEqual([]);
  });

  it("route an event of a type no queue takes nowhere", () => {
    expect(routeOutboxEvent(event("product.viewed", {}))).toEqual([]);
  });
});
