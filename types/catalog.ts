// Admin catalog edits: a pack's or plan's terms, and moving a plan's subscribers to its newest
// price. No server imports: the admin forms validate with the same schemas.
import { z } from "zod";

const reason = z.string().trim().min(3, "Say why (at least 3 characters)").max(500);

export const packageChanges = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    description: z.string().trim().max(300).nullable().optional(),
    priceCents: z.number().int().min(50, "At least $0.50 (Stripe's minimum charge)").max(99_999_999).optional(),
    credits: z.number().int().min(1).max(10_000_000).optional(),
    isActive: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
    rolloverCredits: z.boolean().optional(),
    rolloverCapCredits: z.number().int().min(0).max(100_000_000).nullable().optional(),
  })
  .strict();
export type PackageChanges = z.infer<typeof packageChanges>;

export const updatePackageBody = z.object({ changes: packageChanges, reason }).strict();
export type UpdatePackageBody = z.infer<typeof updatePackageBody>;

export const migrateSubscribersBody = z.object({ reason }).strict();

export const createPackageBody = z
  .object({
    slug: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, "Lower-case letters, digits and dashes"),
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(300).nullable().optional(),
    interval: z.enum(["ONE_TIME", "MONTH"]),
    priceCents: z.number().int().min(50).max(99_999_999),
    credits: z.number().int().min(1).max(10_000_000),
    isActive: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
    rolloverCredits: z.boolean().default(false),
    rolloverCapCredits: z.number().int().min(0).max(100_000_000).nullable().default(null),
  })
  .strict();
export type CreatePackageBody = z.infer<typeof createPackageBody>;

export const adminPackageView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  interval: z.enum(["ONE_TIME", "MONTH"]),
  priceCents: z.number().int(),
  currency: z.string(),
  credits: z.number().int(),
  isActive: z.boolean(),
  sortOrder: z.number().int(),
  rolloverCredits: z.boolean(),
  rolloverCapCredits: z.number().int().nullable(),
  version: z.number().int(),
  stripePriceId: z.string().nullable(),
  /** Renewing subscribers still on an older Price (to migrate). */
  subscribersOnOlderPrice: z.number().int(),
  subscribers: z.number().int(),
});
export type AdminPackageView = z.infer<typeof adminPackageView>;
export const adminPackageList = z.object({ data: z.array(adminPackageView) });

/** A package's terms as an edit or a create answers them (no subscriber counts). */
export const packageTermsView = adminPackageView.omit({ subscribersOnOlderPrice: true, subscribers: true });
export type PackageTermsView = z.infer<typeof packageTermsView>;

export const updatePackageResponse = z.object({
  package: packageTermsView,
  changed: z.boolean(),
  priceChanged: z.boolean(),
  archivedPriceId: z.string().nullable(),
});

export const migrateSubscribersResponse = z.object({ priceId: z.string(), migrated: z.number().int(), alreadyOnPrice: z.number().int() });
