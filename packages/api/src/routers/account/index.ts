import { router } from "../../trpc.ts";
import { createAddressRoute } from "./create-address.ts";
import { deleteAddressRoute } from "./delete-address.ts";
import { getOrderRoute } from "./get-order.ts";
import { listAddressesRoute } from "./list-addresses.ts";
import { listOrdersRoute } from "./list-orders.ts";
import { lookupGuestOrderRoute } from "./lookup-guest-order.ts";
import { meRoute } from "./me.ts";
import { requestPasswordResetRoute } from "./request-password-reset.ts";
import { resetPasswordRoute } from "./reset-password.ts";
import { setDefaultAddressRoute } from "./set-default-address.ts";
import { signInRoute } from "./sign-in.ts";
import { signOutRoute } from "./sign-out.ts";
import { signUpRoute } from "./sign-up.ts";
import { updateAddressRoute } from "./update-address.ts";

/** The storefront's customer accounts; portal and staff sign-in stay in `auth`. */
export const accountRouter = router({
  signUp: signUpRoute,
  signIn: signInRoute,
  signOut: signOutRoute,
  me: meRoute,
  requestPasswordReset: requestPasswordResetRoute,
  resetPassword: resetPasswordRoute,
  listAddresses: listAddressesRoute,
  createAddress: createAddressRoute,
  updateAddress: updateAddressRoute,
  deleteAddress: deleteAddressRoute,
  setDefaultAddress: setDefaultAddressRoute,
  listOrders: listOrdersRoute,
  getOrder: getOrderRoute,
  lookupGuestOrder: lookupGuestOrderRoute,
});
