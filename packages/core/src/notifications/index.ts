export * from "./mailer.ts";
export { sendOrderPlacedEmail } from "./order-placed.ts";
export { sendPasswordResetEmail, PASSWORD_RESET_TTL_MS, MAX_PASSWORD_RESETS_PER_HOUR, type PasswordResetRequest } from "./password-reset.ts";
export { sendMemberInviteEmail, type MemberInviteRequest } from "./member-invite.ts";
export { sendUserPasswordResetEmail, type UserPasswordResetRequest } from "./user-password-reset.ts";
