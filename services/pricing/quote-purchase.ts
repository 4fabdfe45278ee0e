import "server-only";
import type { Db } from "@/lib/db";
import type { CreditQuote } from "@/types/pricing";
import { getPricingSettings } from "./pricing-settings";
import { quoteCredits } from "./quote-credits";

/**
 * The price of `credits` under the pricing in force: what the quote endpoint answers, the Buy
 * credits page shows and a custom-amount Checkout charges. Throws `validation_failed` outside the
 * purchase limits.
 */
export async function quotePurchase(db: Db, credits: number): Promise<CreditQuote> {
  return quoteCredits(credits, await getPricingSettings(db));
}
