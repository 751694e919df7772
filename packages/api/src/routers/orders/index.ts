import { router } from "../../trpc.ts";
import { lookupPostalCodeRoute } from "./lookup-postal-code.ts";
import { paymentStatusRoute } from "./payment-status.ts";
import { placeFromCartRoute } from "./place-from-cart.ts";
import { placeOrderRoute } from "./place-order.ts";
import { quoteRoute } from "./quote.ts";
import { refreshPaymentRoute } from "./refresh-payment.ts";
import { sellerGetOrderRoute } from "./seller-get-order.ts";
import { sellerListOrdersRoute } from "./seller-list-orders.ts";
import { simulatePaymentRoute } from "./simulate-payment.ts";
import { statusRoute } from "./status.ts";

export const ordersRouter = router({
  quote: quoteRoute,
  place: placeOrderRoute,
  placeFromCart: placeFromCartRoute,
  status: statusRoute,
  paymentStatus: paymentStatusRoute,
  simulatePayment: simulatePaymentRoute,
  refreshPayment: refreshPaymentRoute,
  sellerList: sellerListOrdersRoute,
  sellerGet: sellerGetOrderRoute,
  lookupPostalCode: lookupPostalCodeRoute,
});
