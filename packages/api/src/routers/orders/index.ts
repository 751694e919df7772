import { router } from "../../trpc.ts";
import { placeFromCartRoute } from "./place-from-cart.ts";
import { placeOrderRoute } from "./place-order.ts";
import { sellerListOrdersRoute } from "./seller-list-orders.ts";

export const ordersRouter = router({ place: placeOrderRoute, placeFromCart: placeFromCartRoute, sellerList: sellerListOrdersRoute });
