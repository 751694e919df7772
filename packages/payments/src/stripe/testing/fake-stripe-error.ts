/** Stripe's error body: `{ error: { type, code, decline_code, message, param, ... } }`. */
export interface FakeStripeErrorBody {
  type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  charge?: string;
  payment_intent?: unknown;
}

/** Thrown by the fake's handlers; the server answers it with `status` and Stripe's error shape. */
export class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: FakeStripeErrorBody,
  ) {
    super(body.message);
    this.name = "FakeStripeError";
  }
}

export const invalidRequest = (message: string, extras: Partial<FakeStripeErrorBody> = {}) =>
  new FakeStripeError(400, { type: "invalid_request_error", message, ...extras });

export const noSuch = (kind: string, id: string, param?: string) =>
  new FakeStripeError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, ...(param ? { param } : {}) });
