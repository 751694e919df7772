export * from "./schemas.ts";
export { startCustomerSession, endCustomerSession, type CustomerSessionToken } from "./sessions.ts";
export { MAX_SIGN_IN_ATTEMPTS, signInCustomer } from "./sign-in.ts";
export { signUpCustomer } from "./sign-up.ts";
export { requestPasswordReset, resetPassword, PASSWORD_RESET_REQUESTED, type ResetRequestOrigin } from "./password-reset.ts";
export { listAddresses, createAddress, updateAddress, deleteAddress, setDefaultAddress, MAX_ADDRESSES } from "./addresses.ts";
export { listCustomerOrders, getCustomerOrder } from "./order-history.ts";
export { lookupGuestOrder, MAX_LOOKUP_ATTEMPTS, LOOKUP_WINDOW_MS } from "./guest-order-lookup.ts";
