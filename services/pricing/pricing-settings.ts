import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { CENTS_PER_CREDIT } from "@/lib/format";
import { pricingSettings, type PricingSettings } from "@/types/pricing";
import { latestSetting, saveSetting, settingHistory } from "../catalog/setting-versions";

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
 * The pricing in force: the newest version an admin saved, or the defaults above until one does.
 * The one place quotes take their settings from. A stored version that no longer passes the
 * schema (a rule tightened since) falls back to the defaults rather than pricing wrongly.
 */
export async function getPricingSettings(db: Db): Promise<PricingSettings> {
  const latest = await latestSetting(db, "pricing");
  const parsed = latest ? pricingSettings.safeParse(latest.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_PRICING_SETTINGS;
}

/** The pricing in force and its version number (0: the defaults). */
export async function getPricingSettingsVersion(db: Db): Promise<{ version: number; settings: PricingSettings }> {
  const latest = await latestSetting(db, "pricing");
  return { version: latest?.version ?? 0, settings: await getPricingSettings(db) };
}

/**
 * Saves new pricing (base rate and bulk tiers) as the next version, audited; quotes use it at
 * once. `basedOn` is the version the admin edited: a stale edit is a `conflict`.
 */
export async function updatePricingSettings(db: Db, input: { settings: PricingSettings; basedOn: number; actorId: string; reason: string }) {
  const settings = pricingSettings.parse(input.settings);
  return inTransaction(db, (tx) => saveSetting(tx, { key: "pricing", value: settings, basedOn: input.basedOn, actorId: input.actorId, reason: input.reason, defaults: DEFAULT_PRICING_SETTINGS }));
}

/** Past versions of the pricing, newest first. */
export const pricingHistory = (db: Db) => settingHistory(db, "pricing");
