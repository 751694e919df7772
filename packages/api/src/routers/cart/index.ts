import { router } from "../../trpc.ts";
import { addLineRoute } from "./add-line.ts";
import { countItemsRoute } from "./count-items.ts";
import { getCartRoute } from "./get-cart.ts";
import { removeLineRoute } from "./remove-line.ts";
import { setQuantityRoute } from "./set-quantity.ts";

export const cartRouter = router({
  get: getCartRoute,
  count: countItemsRoute,
  addLine: addLineRoute,
  setQuantity: setQuantityRoute,
  removeLine: removeLineRoute,
});
