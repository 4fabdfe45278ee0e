import { z } from "zod";
import { purchaseCredits } from "./pricing";
import { appliedPromotion } from "./promotions";

const promotionCode = z.string().trim().max(32).nullish().describe("A promotion code; without one, a sale running now applies by itself");

export const checkoutBody = z
  .union(
    [
      z.object({ packageId: z.uuid().describe("A credit pack or monthly plan on sale"), promotionCode }).strict(),
      z.object({ credits: purchaseCredits.describe("A custom number of credits, priced at the base rate less any bulk tier"), promotionCode }).strict(),
    ],
    { error: "Send either packageId (a pack or plan) or credits (a custom amount)" },
  )
  .describe("What to pay for: a package, or a custom number of credits");
export type CheckoutBody = z.infer<typeof checkoutBody>;

export const checkoutResponse = z.object({
  paymentId: z.uuid().nullable().describe("The pending payment of a pack; null for a plan, which is paid by its invoices"),
  checkoutUrl: z.url().describe("Stripe Checkout: send the browser here to pay"),
  promotion: appliedPromotion.nullish().describe("The promotion applied to this checkout, if any"),
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

export const webhookAck = z.object({
  received: z.literal(true),
  status: z.enum(["QUEUED", "PROCESSED", "IGNORED"]).describe("QUEUED: stored, processed right after this answer; the others: settled before this delivery"),
  duplicate: z.boolean().describe("The event was stored before this delivery"),
});

export const subscriptionChangeBody = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("cancel"), atPeriodEnd: z.boolean().describe("true: at the end of the paid period; false: now") }).strict(),
    z.object({ action: z.literal("resume").describe("Undo a cancellation at period end, or resume paused collection") }).strict(),
    z.object({ action: z.literal("pause").describe("Stop charging (and granting) until resumed") }).strict(),
    z
      .object({
        action: z.literal("switch_plan"),
        packageId: z.uuid().describe("Another monthly plan. An upgrade is charged now, prorated, with the prorated credits; a downgrade starts at the next renewal, with no refund"),
        prorationDate: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("The `prorationDate` of the preview the customer confirmed (unix seconds): the upgrade is then charged exactly what the preview showed"),
      })
      .strict(),
  ])
  .describe("What to change about the workspace's plan");
export type SubscriptionChange = z.infer<typeof subscriptionChangeBody>;

export const subscriptionView = z.object({
  id: z.uuid(),
  plan: z.object({ id: z.uuid(), name: z.string(), credits: z.number().int(), priceCents: z.number().int(), currency: z.string() }),
  status: z.enum(["INCOMPLETE", "INCOMPLETE_EXPIRED", "TRIALING", "ACTIVE", "PAST_DUE", "CANCELED", "UNPAID", "PAUSED"]),
  currentPeriodEnd: z.date().nullable(),
  cancelAtPeriodEnd: z.boolean(),
  isCollectionPaused: z.boolean(),
});
export type SubscriptionView = z.infer<typeof subscriptionView>;

export const portalSessionResponse = z.object({ url: z.url().describe("Stripe's Customer Portal: cards, invoices and receipts") });

export const planChangePreviewQuery = z.object({ packageId: z.uuid().describe("The monthly plan to switch to") }).strict();

export const planChangePreview = z.object({
  packageId: z.uuid(),
  direction: z.enum(["upgrade", "downgrade"]).describe("upgrade: a dearer plan, charged now for the rest of the period; downgrade: from the next renewal"),
  currency: z.string(),
  dueNowCents: z.number().int().describe("What the card is charged on confirming: the prorated difference for an upgrade, 0 for a downgrade"),
  creditsNow: z.number().int().describe("Credits granted at once with that charge (the prorated difference in plan credits)"),
  lines: z.array(z.object({ description: z.string(), amountCents: z.number().int() })).describe("The charge's lines as Stripe computed them (a credit for unused time is negative)"),
  prorationDate: z.number().int().describe("When the prorations were computed (unix seconds); send it back with the switch to be charged exactly this"),
  nextRenewal: z.object({ at: z.date(), amountCents: z.number().int(), credits: z.number().int() }).describe("The first renewal on the new plan"),
});
export type PlanChangePreview = z.infer<typeof planChangePreview>;

export const paymentHistoryItem = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  description: z.string().describe("What was bought: a pack, a plan's month, a plan upgrade, a custom amount"),
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED", "PARTIALLY_REFUNDED", "REFUNDED"]),
  amountCents: z.number().int(),
  amountRefundedCents: z.number().int(),
  currency: z.string(),
  credits: z.number().int().describe("Credits the payment bought, bonus included"),
  receiptUrl: z.url().nullable().describe("Stripe's receipt for the charge, once paid"),
});
export type PaymentHistoryItem = z.infer<typeof paymentHistoryItem>;
