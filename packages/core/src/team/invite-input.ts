import { SUPPORTED_LOCALES } from "@primestore/i18n";
import { z } from "zod";
import { memberRoleInput } from "./member-role-input.ts";

export const inviteInput = z.object({
  email: z.email().max(254).transform((email) => email.toLowerCase()),
  role: memberRoleInput,
  /** The email's language: the inviter's, who knows the person. */
  locale: z.enum(SUPPORTED_LOCALES),
});
export type InviteInput = z.input<typeof inviteInput>;

/** The link's two halves: the store it names (for its row-level security) and the token. */
export const inviteLink = z.object({ store: z.string().min(1).max(63), token: z.string().min(20).max(200) });

/** Accepting: a person with an account proves it with its password; a new one names themselves and picks one. */
export const acceptInviteInput = inviteLink.extend({
  name: z.string().trim().min(1).max(120).optional(),
  password: z.string().min(1).max(200),
  /** The page's language, kept as a new account's. */
  locale: z.enum(SUPPORTED_LOCALES).optional(),
});
export type AcceptInviteInput = z.input<typeof acceptInviteInput>;
