import { AppError, errorCodes } from "@primestore/core/errors";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorData, toTRPCError } from "./errors.ts";

describe("error mapping", () => {
  it("maps every domain code to a transport code and keeps the domain code for clients", () => {
    for (const code of errorCodes) {
      const error = toTRPCError(new AppError(code, "internal detail"));
      expect(error).toBeInstanceOf(TRPCError);
      expect(error.message).toBe(code);
      expect(errorData(error).appCode).toBe(code);
    }
  });

  it("turns zod failures into VALIDATION with field errors", () => {
    const result = z.object({ email: z.email() }).safeParse({ email: "x" });
    const data = errorData(toTRPCError(result.error));
    expect(data.appCode).toBe("VALIDATION");
    expect(Object.keys(data.fieldErrors ?? {})).toEqual(["email"]);
  });

  it("hides unexpected errors behind INTERNAL", () => {
    const error = toTRPCError(new Error('relation "secret_table" does not exist'));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).toBe("INTERNAL");
    expect(errorData(error).appCode).toBe("INTERNAL");
  });
});
