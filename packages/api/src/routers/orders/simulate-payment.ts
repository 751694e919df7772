import { paymentProgress, simulatePaymentInput, simulateSandboxPayment } from "@primestore/core/orders";
import { AppError } from "@primestore/core/errors";
import { withTenant } from "@primestore/db";
import { privateProcedure } from "../../trpc.ts";

/** Test mode: settles a sandbox payment as its provider's webhook would; refused for real providers. */
export const simulatePaymentRoute = privateProcedure
  .input(simulatePaymentInput)
  .output(paymentProgress)
  .mutation(({ ctx, input }) => {
    if (!ctx.deps.paymentsSandbox) throw new AppError("FORBIDDEN", "Sandbox payments are off (PAYMENTS_SANDBOX)");
    return withTenant(ctx.db, ctx.tenant.id, (tx) => simulateSandboxPayment(tx, ctx.tenant.id, input, input.outcome));
  });
