export * from "./schemas.ts";
export { guestCartOwner, type CartOwner, type CartShopper } from "./owner.ts";
export { getCart, countCartItems } from "./cart-view.ts";
export { addCartLine, setCartLineQuantity, removeCartLine } from "./change-lines.ts";
export { mergeGuestCartIntoCustomerCart } from "./merge.ts";
export { takeCartForOrder, reopenConvertedCarts, type CartForOrder } from "./checkout.ts";
