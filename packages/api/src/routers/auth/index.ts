import { router } from "../../trpc.ts";
import { beginTwoFactorRoute } from "./begin-two-factor.ts";
import { confirmTwoFactorRoute } from "./confirm-two-factor.ts";
import { disableTwoFactorRoute } from "./disable-two-factor.ts";
import { meRoute } from "./me.ts";
import { requestPasswordResetRoute } from "./request-password-reset.ts";
import { resetPasswordRoute } from "./reset-password.ts";
import { signInRoute } from "./sign-in.ts";
import { signOutRoute } from "./sign-out.ts";
import { twoFactorPendingRoute } from "./two-factor-pending.ts";
import { verifyTwoFactorRoute } from "./verify-two-factor.ts";

export const authRouter = router({
  signIn: signInRoute,
  signOut: signOutRoute,
  me: meRoute,
  verifyTwoFactor: verifyTwoFactorRoute,
  twoFactorPending: twoFactorPendingRoute,
  beginTwoFactor: beginTwoFactorRoute,
  confirmTwoFactor: confirmTwoFactorRoute,
  disableTwoFactor: disableTwoFactorRoute,
  requestPasswordReset: requestPasswordResetRoute,
  resetPassword: resetPasswordRoute,
});
