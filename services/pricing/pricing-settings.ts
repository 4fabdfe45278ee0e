import "server-only";
import type { Db } from "@/lib/db";
import { CENTS_PER_CREDIT } from "@/lib/format";
import { pricingSettings, type PricingSettings } from "@/types/pricing";

/**
 * The defaults: $0.10 a credit (the rate the balance cards value credits at), and bulk tiers at
 * round numbers a team recognises — a few weeks', a few months' and a year's volume.
 * Parsed at load, so a bad edit fails at start, not at the first quote.
 */
export const DEFAULT_PRICING_SETTINGS: PricingSettings = pricingSettings.parse({
  currency: "usd",
  baseUnitCents: CENTS_PER_CREDIT,
  tiers: [
    { minCredits: 5_000, percentOff: 5 },
    { minCredits: 20_000, percentOff: 10 },
    { minCredits: 100_000, percentOff: 15 },
  ],
});

/**
 * The pricing in force: the one place quotes take their settings from. The defaults live in code
 * for now; an admin-edited settings table with history replaces this body in a later issue, which
 * is why it already takes the database handle and returns a promise (callers will not change).
 */
export async function getPricingSettings(_db: Db): Promise<PricingSettings> {
  return DEFAULT_PRICING_SETTINGS;
}
