export * from "./mailer.ts";
export { sendOrderPlacedEmail } from "./order-placed.ts";
