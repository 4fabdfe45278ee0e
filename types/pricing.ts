// Custom-amount pricing: how many credits a customer may buy at once, the pricing settings a quote
// is computed from, and the quote itself. No server imports: the Buy credits form validates with
// the same schemas before it asks the server for a price.
import { z } from "zod";
import { appliedPromotion } from "./promotions";

export const MIN_CREDITS_PER_PURCHASE = 100;
export const MAX_CREDITS_PER_PURCHASE = 1_000_000;
/** Stripe's largest charge in USD ($999,999.99): no setting may price a purchase above it. */
export const MAX_CHARGE_CENTS = 99_999_999;

const fmt = (n: number) => n.toLocaleString("en-US");

export const purchaseCredits = z
  .number({ error: "Enter a number of credits" })
  // A refinement rather than .int(): .int() aborts the parse, and the checkout body's union then
  // reports "send packageId or credits" instead of this message under `credits`.
  .refine(Number.isInteger, "Enter a whole number of credits")
  .min(MIN_CREDITS_PER_PURCHASE, `Buy at least ${fmt(MIN_CREDITS_PER_PURCHASE)} credits`)
  .max(MAX_CREDITS_PER_PURCHASE, `Buy at most ${fmt(MAX_CREDITS_PER_PURCHASE)} credits at once`)
  .describe(`Credits to buy: ${fmt(MIN_CREDITS_PER_PURCHASE)} to ${fmt(MAX_CREDITS_PER_PURCHASE)}`);

/**
 * What a person types ("2,500", " 7500 ") as a number of credits. Digits only after removing
 * thousands separators, so "1e4", "0x10" and "12.5" are refused rather than coerced.
 */
export const purchaseCreditsText = z
  .string()
  .transform((text) => text.replace(/[\s,_]/g, ""))
  .pipe(z.string().regex(/^\d{1,9}$/, "Enter a whole number of credits"))
  .transform(Number)
  .pipe(purchaseCredits);

export const quoteQuery = z
  .object({ credits: purchaseCreditsText, promotionCode: z.string().trim().max(32).optional().describe("A promotion code to price with") })
  .strict();

export const bulkTier = z
  .object({
    minCredits: z.number().int().min(MIN_CREDITS_PER_PURCHASE).max(MAX_CREDITS_PER_PURCHASE).describe("Purchases of at least this many credits get the tier"),
    percentOff: z.number().int().min(1).max(99).describe("Whole percent off the base rate, on the whole purchase"),
  })
  .strict();
export type BulkTier = z.infer<typeof bulkTier>;

/**
 * The settings every quote is computed from. Tiers ascend in both threshold and discount, so a
 * larger purchase never earns a smaller discount. Validated here so that the admin-edited
 * settings of a later issue pass the same checks as the defaults in code.
 */
export const pricingSettings = z
  .object({
    currency: z.literal("usd"),
    baseUnitCents: z.number().int().min(1).describe("Base rate: cents per credit, before bulk discounts"),
    tiers: z.array(bulkTier).max(10),
  })
  .strict()
  .refine((s) => s.tiers.every((tier, i) => i === 0 || (tier.minCredits > s.tiers[i - 1]!.minCredits && tier.percentOff > s.tiers[i - 1]!.percentOff)), {
    message: "Tiers must rise in both minimum credits and percent off",
    path: ["tiers"],
  })
  .refine((s) => s.baseUnitCents * MAX_CREDITS_PER_PURCHASE <= MAX_CHARGE_CENTS, {
    message: "The largest purchase at this base rate would exceed Stripe's maximum charge",
    path: ["baseUnitCents"],
  });
export type PricingSettings = z.infer<typeof pricingSettings>;

export const creditQuote = z.object({
  credits: z.number().int().describe("Credits the customer receives"),
  currency: z.string().describe("ISO currency, lower case"),
  baseUnitCents: z.number().int().describe("Base rate in cents per credit"),
  unitCents: z.number().describe("Effective cents per credit after the discount (may be fractional; for display)"),
  subtotalCents: z.number().int().describe("credits × base rate"),
  discountCents: z.number().int().describe("subtotal − total: the bulk tier and any percent-off promotion"),
  totalCents: z.number().int().describe("What Checkout charges"),
  tier: bulkTier.nullable().describe("The bulk tier applied; null below the first one"),
  nextTier: bulkTier.nullable().describe("The next tier up, so the form can say how many more credits earn it"),
  promotion: appliedPromotion.nullable().optional().describe("The promotion applied after the tier (a sale or the code given), if any"),
});
export type CreditQuote = z.infer<typeof creditQuote>;

export const updatePricingBody = z
  .object({
    settings: pricingSettings,
    basedOn: z.number().int().min(0).describe("The version edited: a save on a stale version is a conflict"),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();

export const pricingSettingsView = z.object({
  version: z.number().int(),
  settings: pricingSettings,
  history: z.array(z.object({ version: z.number().int(), value: z.unknown(), reason: z.string().nullable(), changedById: z.string().nullable(), createdAt: z.date() })),
});
