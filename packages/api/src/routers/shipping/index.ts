import { router } from "../../trpc.ts";
import { shippingRatesRoute } from "./rates.ts";
import { saveShippingRateRoute } from "./save-rate.ts";
import { setShippingRateActiveRoute } from "./set-rate-active.ts";

export const shippingRouter = router({ rates: shippingRatesRoute, saveRate: saveShippingRateRoute, setRateActive: setShippingRateActiveRoute });
