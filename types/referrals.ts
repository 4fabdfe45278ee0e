// The referral program's settings (admin-edited, with history). No server imports.
import { z } from "zod";

export const referralSettings = z
  .object({
    enabled: z.boolean(),
    referrerCredits: z.number().int().min(0).max(1_000_000).describe("Credits the referring workspace receives"),
    referredCredits: z.number().int().min(0).max(1_000_000).describe("Credits the new workspace receives"),
    maxRewardsPerReferrerPerMonth: z.number().int().min(0).max(10_000).describe("Referrer bonuses per calendar month (UTC); beyond it only the new workspace is credited"),
  })
  .strict();
export type ReferralSettings = z.infer<typeof referralSettings>;

export const updateReferralSettingsBody = z.object({ settings: referralSettings, basedOn: z.number().int().min(0), reason: z.string().trim().min(3).max(500) }).strict();
export const referralSettingsView = z.object({ version: z.number().int(), settings: referralSettings });

export const referralLinkView = z.object({
  link: z.url().describe("Share it: a workspace created through it earns both sides bonus credits at its first payment"),
  code: z.string(),
  referredCredits: z.number().int(),
  referrerCredits: z.number().int(),
  rewarded: z.number().int().describe("Referred workspaces whose first payment credited you"),
  pending: z.number().int().describe("Referred workspaces that have not paid yet"),
});
