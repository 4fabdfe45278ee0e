import "server-only";
import { DomainError } from "@/lib/errors";
import { purchaseCredits, type BulkTier, type CreditQuote, type PricingSettings } from "@/types/pricing";

/**
 * Prices a custom number of credits: the base rate, less the bulk tier the whole purchase reaches
 * ("all units": 5,000 credits at 5% off are all 5% off). Pure: the settings are passed in, so the
 * same function prices the page, the quote endpoint and the Checkout Session.
 *
 * Rounding: subtotal = credits × base rate is exact; the total is subtotal × (100 − percent) / 100
 * rounded half up to a whole cent, in integer arithmetic (no floating point on money), and the
 * discount is what remains. The total never exceeds the subtotal. Throws `validation_failed`
 * (field `credits`) outside the purchase limits.
 */
export function quoteCredits(credits: number, settings: PricingSettings): CreditQuote {
  const checked = purchaseCredits.safeParse(credits);
  if (!checked.success) {
    throw new DomainError("validation_failed", "The number of credits is out of range", { fieldErrors: { credits: checked.error.issues.map((issue) => issue.message) } });
  }
  const tier = tierFor(credits, settings.tiers);
  const subtotalCents = credits * settings.baseUnitCents;
  const percentOff = tier?.percentOff ?? 0;
  // floor((x + 50) / 100) is x / 100 rounded half up; x stays far below 2^53 (limits in types/pricing.ts).
  const totalCents = Math.floor((subtotalCents * (100 - percentOff) + 50) / 100);
  return {
    credits,
    currency: settings.currency,
    baseUnitCents: settings.baseUnitCents,
    unitCents: Math.round((totalCents / credits) * 10_000) / 10_000,
    subtotalCents,
    discountCents: subtotalCents - totalCents,
    totalCents,
    tier,
    nextTier: settings.tiers.find((candidate) => candidate.minCredits > credits) ?? null,
  };
}

/** The highest tier the purchase reaches; tiers ascend (checked by the settings schema). */
function tierFor(credits: number, tiers: readonly BulkTier[]): BulkTier | null {
  let reached: BulkTier | null = null;
  for (const tier of tiers) if (credits >= tier.minCredits) reached = tier;
  return reached ? { ...reached } : null;
}
