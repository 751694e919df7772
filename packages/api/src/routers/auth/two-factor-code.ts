import { z } from "zod";

/** An authenticator code (6 digits) or a recovery code (XXXXX-XXXXX), as typed. */
export const twoFactorCode = z.string().trim().min(6).max(20);
