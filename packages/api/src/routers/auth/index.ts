import { router } from "../../trpc.ts";
import { meRoute } from "./me.ts";
import { signInRoute } from "./sign-in.ts";
import { signOutRoute } from "./sign-out.ts";

export const authRouter = router({ signIn: signInRoute, signOut: signOutRoute, me: meRoute });
