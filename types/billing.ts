import { z } from "zod";

export const packCheckoutBody = z.object({ packageId: z.uuid().describe("An active one-time credit pack") }).strict();
export type PackCheckoutBody = z.infer<typeof packCheckoutBody>;

export const packCheckoutResponse = z.object({
  paymentId: z.uuid(),
  checkoutUrl: z.url().describe("Stripe Checkout: send the browser here to pay"),
});

export const creditPackView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  credits: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
});
export type CreditPackView = z.infer<typeof creditPackView>;

export const webhookAck = z.object({ received: z.literal(true), status: z.enum(["PROCESSED", "IGNORED"]), duplicate: z.boolean() });
