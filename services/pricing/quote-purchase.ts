import "server-only";
import { systemClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { CreditQuote } from "@/types/pricing";
import type { AppliedPromotion } from "@/types/promotions";
import { findPromotion } from "../promotions/find-promotion";
import { promotionEffect } from "../promotions/promotion-effect";
import { getPricingSettings } from "./pricing-settings";
import { quoteCredits } from "./quote-credits";

export type PurchaseQuote = CreditQuote & { promotion: AppliedPromotion | null };
export type QuoteContext = { workspaceId?: string | null; promotionCode?: string | null; now?: Date };

/**
 * The price of `credits` under the pricing in force: what the quote endpoint answers, the Buy
 * credits page shows and a custom-amount Checkout charges. A promotion (the code given, or a sale
 * running now) comes after the bulk tier: percent off the tiered total, or bonus credits; the quote
 * names it, and `discountCents` is everything taken off the subtotal. Throws `validation_failed`
 * outside the purchase limits or for a code that does not apply.
 */
export async function quotePurchase(db: Db, credits: number, context: QuoteContext = {}): Promise<PurchaseQuote> {
  const quote = quoteCredits(credits, await getPricingSettings(db));
  const promotion = await findPromotion(db, { workspaceId: context.workspaceId ?? null, target: "CUSTOM", packageId: null, code: context.promotionCode, now: context.now ?? systemClock.now() });
  if (!promotion) return { ...quote, promotion: null };
  const applied = promotionEffect(promotion, quote.totalCents);
  const totalCents = quote.totalCents - applied.discountCents;
  return {
    ...quote,
    totalCents,
    discountCents: quote.subtotalCents - totalCents,
    unitCents: Math.round((totalCents / credits) * 10_000) / 10_000,
    promotion: applied,
  };
}
