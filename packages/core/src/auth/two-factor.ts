import { hkdfSync, randomBytes } from "node:crypto";
import { env } from "@primestore/config";
import type { Db } from "@primestore/db";
import { seal, unseal } from "../crypto/index.ts";
import { AppError } from "../errors/index.ts";
import { verifyPassword } from "./password.ts";
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from "./totp.ts";
import { hashToken } from "./tokens.ts";

/** A password-checked session waits this long for its code. */
export const TWO_FACTOR_PENDING_TTL_MS = 10 * 60_000;
/** Wrong codes a pending session takes before it ends (then the password is asked again). */
export const MAX_FAILED_CODES = 5;
const RECOVERY_CODES = 8;

/** The secrets' own key, derived from SESSION_SECRET: a database copy alone can't produce codes. */
const totpKey = (secret: string = env().SESSION_SECRET) => Buffer.from(hkdfSync("sha256", secret, "", "primestore:totp-secret", 32));

const normalizeRecovery = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();

function newRecoveryCodes(): { plain: string[]; hashes: string[] } {
  const plain = Array.from({ length: RECOVERY_CODES }, () => base32Encode(randomBytes(7)).slice(0, 10).replace(/^(.{5})/, "$1-"));
  return { plain, hashes: plain.map((code) => hashToken(normalizeRecovery(code))) };
}

type TotpUser = { id: string; totpSecret: string | null; totpLastStep: number | null; totpRecoveryCodes: string[] };

/** Which second factor a code is: a fresh authenticator code (its step), or an unused recovery code (its hash). */
function secondFactor(user: TotpUser, code: string, at: Date): { step: number } | { recovery: string } | null {
  if (!user.totpSecret) return null;
  const step = matchTotp(unseal(totpKey(), user.id, user.totpSecret), code.replace(/\s/g, ""), at, user.totpLastStep);
  if (step !== null) return { step };
  const hash = hashToken(normalizeRecovery(code));
  return user.totpRecoveryCodes.includes(hash) ? { recovery: hash } : null;
}

/**
 * Spends a second factor once: the step moves forward (guarded, so two requests with one code
 * can't both pass) or the recovery code is struck off.
 */
async function spend(db: Db, user: TotpUser, factor: { step: number } | { recovery: string }): Promise<boolean> {
  if ("step" in factor) {
    const moved = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: factor.step } }] },
      data: { totpLastStep: factor.step },
    });
    return moved.count === 1;
  }
  const struck = await db.user.updateMany({
    where: { id: user.id, totpRecoveryCodes: { has: factor.recovery } },
    data: { totpRecoveryCodes: user.totpRecoveryCodes.filter((hash) => hash !== factor.recovery) },
  });
  return struck.count === 1;
}

/** Starts enrolling: a new secret, sealed on the user, for the app to scan; it counts once confirmed. */
export async function beginTwoFactor(db: Db, userId: string): Promise<{ secret: string; uri: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpSecret: seal(totpKey(), userId, secret) } });
  return { secret, uri: otpauthUri(secret, user.email) };
}

/** Turns it on with a code from the app, proving it scanned the secret; the recovery codes are shown this once. */
export async function confirmTwoFactor(db: Db, userId: string, code: string, at = new Date()): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.totpEnabledAt || !user.totpSecret) throw new AppError("CONFLICT", "Nothing to confirm");
  const factor = secondFactor({ ...user, totpRecoveryCodes: [] }, code, at);
  if (!factor || !("step" in factor)) throw new AppError("TWO_FACTOR_INVALID");
  const recovery = newRecoveryCodes();
  await db.user.update({ where: { id: userId }, data: { totpEnabledAt: at, totpLastStep: factor.step, totpRecoveryCodes: recovery.hashes } });
  return { recoveryCodes: recovery.plain };
}

/** Turns it off, with the password and a code (or a recovery code): a stolen session alone can't. */
export async function disableTwoFactor(db: Db, userId: string, input: { password: string; code: string }, at = new Date()): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is off");
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new AppError("INVALID_CREDENTIALS");
  const factor = secondFactor(user, input.code, at);
  if (!factor || !(await spend(db, user, factor))) throw new AppError("TWO_FACTOR_INVALID");
  await db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryCodes: [] } });
}

/**
 * The second step of signing in: a code for the session the password opened, pending until now.
 * Five wrong codes end the session. Once it passes, the session lasts as long as any.
 */
export async function completeTwoFactorSignIn(db: Db, token: string | null, code: string, sessionTtlMs: number, at = new Date()): Promise<{ expiresAt: Date }> {
  const session = token ? await db.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } }) : null;
  if (!session?.twoFactorPending || session.expiresAt <= at) throw new AppError("UNAUTHORIZED");
  const factor = secondFactor(session.user, code, at);
  if (!factor || !(await spend(db, session.user, factor))) {
    const failed = await db.session.update({ where: { id: session.id }, data: { failedCodes: { increment: 1 } } });
    if (failed.failedCodes >= MAX_FAILED_CODES) await db.session.delete({ where: { id: session.id } });
    throw new AppError("TWO_FACTOR_INVALID");
  }
  const expiresAt = new Date(at.getTime() + sessionTtlMs);
  await db.session.update({ where: { id: session.id }, data: { twoFactorPending: false, expiresAt } });
  return { expiresAt };
}

/** Whether this browser's session has passed the password and waits for a code. */
export async function awaitsSecondFactor(db: Db, token: string | null): Promise<boolean> {
  if (!token) return false;
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { twoFactorPending: true, expiresAt: true } });
  return Boolean(session?.twoFactorPending && session.expiresAt > new Date());
}
