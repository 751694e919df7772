import { router } from "../../trpc.ts";
import { placeOrderRoute } from "./place-order.ts";
import { sellerListOrdersRoute } from "./seller-list-orders.ts";

export const ordersRouter = router({ place: placeOrderRoute, sellerList: sellerListOrdersRoute });
