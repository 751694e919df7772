import { withUser, type Db, type MemberRole, type StaffRole } from "@primestore/db";
import { z } from "zod";
import { AppError } from "../errors/index.ts";
import { burnPasswordCheck, verifyPassword } from "./password.ts";
import { memberPermissions, type SellerPermission } from "./permissions.ts";
import { hashToken, newSessionToken } from "./tokens.ts";
import { TWO_FACTOR_PENDING_TTL_MS } from "./two-factor.ts";

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export const signInInput = z.object({
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(200),
});

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  staffRole: StaffRole | null;
  twoFactorEnabled: boolean;
  memberships: SessionMembership[];
}

export interface SessionMembership {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: MemberRole;
  /** The store's own role's name when `role` is custom. */
  roleName: string | null;
  permissions: SellerPermission[];
}

/** Portal and staff sign-in: users are platform-wide; memberships say which stores they run. */
export async function signInUser(db: Db, input: z.input<typeof signInInput>): Promise<{ token: string; expiresAt: Date; twoFactor: boolean }> {
  const { email, password } = signInInput.parse(input);
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await burnPasswordCheck(password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw new AppError("INVALID_CREDENTIALS");
  // With two-factor sign-in on, the password opens a short session that opens nothing until a code passes.
  const twoFactor = user.totpEnabledAt !== null;
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + (twoFactor ? TWO_FACTOR_PENDING_TTL_MS : SESSION_TTL_MS));
  await db.session.create({ data: { tokenHash: hashToken(token), userId: user.id, expiresAt, twoFactorPending: twoFactor } });
  return { token, expiresAt, twoFactor };
}

export async function getSessionUser(db: Db, token: string | null | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { staff: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.twoFactorPending) return null;
  const { user } = session;
  const memberships = await withUser(db, user.id, (tx) =>
    tx.membership.findMany({ where: { userId: user.id }, include: { tenant: true, customRole: true }, orderBy: { createdAt: "asc" } }),
  );
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    staffRole: user.staff?.role ?? null,
    twoFactorEnabled: user.totpEnabledAt !== null,
    memberships: memberships.map((m) => ({
      tenantId: m.tenantId,
      tenantSlug: m.tenant.slug,
      tenantName: m.tenant.name,
      role: m.role,
      roleName: m.customRole?.name ?? null,
      permissions: memberPermissions(m.role, m.customRole?.permissions),
    })),
  };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
