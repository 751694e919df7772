import { randomBytes } from "node:crypto";
import { createTestPaymentProvider, type PaymentProvider } from "@primestore/payments";
import type { PaymentGateway } from "../payments/gateway.ts";

/** A gateway with only the sandbox provider (or a stand-in for it), as a zero-config platform has. */
export function testGateway(test: PaymentProvider = createTestPaymentProvider(), others: Omit<PaymentGateway["providers"], "test"> = {}): PaymentGateway {
  return { providers: { ...others, test }, encryptionKey: randomBytes(32), publicUrl: "http://localhost:3000", portalUrl: "http://localhost:3001" };
}
