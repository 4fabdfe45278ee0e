import { z } from "zod";

export const checkoutBody = z.object({ packageId: z.uuid().describe("A credit pack or monthly plan on sale") }).strict();
export type CheckoutBody = z.infer<typeof checkoutBody>;

export const checkoutResponse = z.object({
  paymentId: z.uuid().nullable().describe("The pending payment of a pack; null for a plan, which is paid by its invoices"),
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
