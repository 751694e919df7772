import { withTenant, type Db } from "@primestore/db";
import { hashToken } from "./tokens.ts";

export interface SessionCustomer {
  id: string;
  email: string;
  name: string;
}

/** Customers belong to one store: their sessions are tenant rows, read under that tenant's scope. */
export async function getSessionCustomer(db: Db, tenantId: string, token: string | null | undefined): Promise<SessionCustomer | null> {
  if (!token) return null;
  return withTenant(db, tenantId, async (tx) => {
    const session = await tx.customerSession.findUnique({
      where: { tenantId_tokenHash: { tenantId, tokenHash: hashToken(token) } },
      include: { customer: true },
    });
    if (!session || session.expiresAt <= new Date()) return null;
    return { id: session.customer.id, email: session.customer.email, name: session.customer.name };
  });
}
