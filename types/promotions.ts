// Promotions: what an admin creates, and what a quote says was applied. No server imports: the
// admin form validates with the same schemas.
import { z } from "zod";

/** What a promotion can apply to: one-time packs, monthly plans (their first payment, or first months), custom amounts. */
export const PROMOTION_TARGETS = ["PACK", "PLAN", "CUSTOM"] as const;
export type PromotionTarget = (typeof PROMOTION_TARGETS)[number];
/** The longest a percent-off promotion may discount a plan, in monthly payments. */
export const MAX_PLAN_DISCOUNT_MONTHS = 36;

export const promotionCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,32}$/, "3 to 32 letters, digits, dashes or underscores")
  .transform((code) => code.toUpperCase());

const optionalLimit = z.number().int().min(1).max(10_000_000).nullable().default(null);

export const createPromotionBody = z
  .object({
    name: z.string().trim().min(2).max(80),
    /** Omit for an automatic promotion (a sale): it applies to every eligible purchase in its window. */
    code: promotionCode.nullable().default(null),
    kind: z.enum(["PERCENT_OFF", "BONUS_CREDITS"]),
    percentOff: z.number().int().min(1).max(90).nullable().default(null),
    bonusCredits: z.number().int().min(1).max(10_000_000).nullable().default(null),
    /** Plans only when asked: a sale meant for packs should not quietly discount subscriptions. */
    appliesTo: z.array(z.enum(PROMOTION_TARGETS)).min(1, "Choose at least one kind of purchase").default(["PACK", "CUSTOM"]),
    /** Empty: every pack and plan. */
    packageIds: z.array(z.uuid()).max(50).default([]),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date().nullable().default(null),
    maxRedemptions: optionalLimit,
    maxPerWorkspace: optionalLimit,
    firstPurchaseOnly: z.boolean().default(false),
    budgetCredits: optionalLimit,
    bonusExpiresDays: z.number().int().min(1).max(3650).nullable().default(null),
    /** Percent off on plans: the monthly payments it applies to, the first included (1: the first payment only). */
    planDiscountMonths: z.number().int().min(1).max(MAX_PLAN_DISCOUNT_MONTHS).default(1),
  })
  .strict()
  .refine((p) => (p.kind === "PERCENT_OFF" ? p.percentOff !== null && p.bonusCredits === null : p.bonusCredits !== null && p.percentOff === null), {
    message: "A percent-off promotion needs a percentage; a bonus promotion needs bonus credits",
    path: ["kind"],
  })
  .refine((p) => p.endsAt === null || p.endsAt > p.startsAt, { message: "The end must be after the start", path: ["endsAt"] })
  .refine((p) => p.budgetCredits === null || p.kind === "BONUS_CREDITS", { message: "A credits budget applies to bonus promotions", path: ["budgetCredits"] })
  .refine((p) => p.planDiscountMonths === 1 || (p.kind === "PERCENT_OFF" && p.appliesTo.includes("PLAN")), {
    message: "Several months apply to a percent off on monthly plans only",
    path: ["planDiscountMonths"],
  });
export type CreatePromotionInput = z.input<typeof createPromotionBody>;
export type CreatePromotionBody = z.infer<typeof createPromotionBody>;

export const updatePromotionBody = z
  .object({ isActive: z.boolean().optional(), endsAt: z.coerce.date().nullable().optional() })
  .strict()
  .refine((p) => p.isActive !== undefined || p.endsAt !== undefined, { message: "Nothing to change" });

/** What a quote or checkout says a promotion did. */
export const appliedPromotion = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(["PERCENT_OFF", "BONUS_CREDITS"]),
  percentOff: z.number().int().nullable(),
  discountCents: z.number().int().describe("Taken off the price"),
  bonusCredits: z.number().int().describe("Promotional credits granted on payment, as their own ledger entry"),
  bonusExpiresDays: z.number().int().nullable().describe("Days after payment the bonus credits lapse; null: never"),
  discountMonths: z
    .number()
    .int()
    .nullable()
    // Answers stored before plans had promotions (Idempotency-Key replays) have no such field.
    .default(null)
    .describe("A percent off on a monthly plan: the monthly payments it applies to, the first included (`discountCents` is the first one's discount); null otherwise"),
});
export type AppliedPromotion = z.infer<typeof appliedPromotion>;

export const promotionView = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(["PERCENT_OFF", "BONUS_CREDITS"]),
  percentOff: z.number().int().nullable(),
  bonusCredits: z.number().int().nullable(),
  appliesTo: z.array(z.string()),
  packageIds: z.array(z.string()),
  // Coerced: an Idempotency-Key replay answers from the stored JSON, where dates are strings.
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date().nullable(),
  maxRedemptions: z.number().int().nullable(),
  maxPerWorkspace: z.number().int().nullable(),
  firstPurchaseOnly: z.boolean(),
  budgetCredits: z.number().int().nullable(),
  budgetUsedCredits: z.number().int(),
  bonusExpiresDays: z.number().int().nullable(),
  planDiscountMonths: z.number().int(),
  redemptionCount: z.number().int(),
  isActive: z.boolean(),
});
export type PromotionView = z.infer<typeof promotionView>;
export const promotionList = z.object({ data: z.array(promotionView) });
