import { postalCodeAddress, postalCodeLookupInput } from "@primestore/core/shipping";
import { publicProcedure } from "../../trpc.ts";

/** Checkout's address by CEP: null when unknown or the lookup service is off, slow or down. */
export const lookupPostalCodeRoute = publicProcedure
  .input(postalCodeLookupInput)
  .output(postalCodeAddress.nullable())
  .query(({ ctx, input }) => ctx.deps.postalCodes.lookup(input.postalCode));
