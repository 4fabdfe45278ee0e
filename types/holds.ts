import { z } from "zod";
import { quantity, serviceKey, workspaceId } from "./usage";

export const HOLD_STATUSES = ["ACTIVE", "SETTLED", "RELEASED", "EXPIRED"] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** A hold lasts at most a week: longer jobs extend theirs. */
export const MAX_HOLD_SECONDS = 7 * 24 * 60 * 60;
export const DEFAULT_HOLD_SECONDS = 60 * 60;

const ttlSeconds = z
  .number({ error: "Must be a number" })
  .int("Must be a whole number of seconds")
  .min(1, "Must be at least 1 second")
  .max(MAX_HOLD_SECONDS, `Must be at most ${MAX_HOLD_SECONDS} seconds (7 days)`);

export const reserveHoldBody = z
  .object({
    service: serviceKey,
    quantity: quantity.describe("Units to reserve, priced now at the service's unit cost; the settlement is priced the same"),
    ttlSeconds: ttlSeconds.default(DEFAULT_HOLD_SECONDS).describe("How long the hold lasts unless settled, released or extended; then it expires and frees its credits"),
    workspaceId,
    reference: z.string().max(255).optional().describe("Your id for the job, kept on the hold and its usage entry"),
    description: z.string().max(500).optional(),
  })
  .strict();
export type ReserveHoldBody = z.infer<typeof reserveHoldBody>;

export const settleHoldBody = z
  .object({
    quantity: quantity.describe("Units the job really used, at the hold's price. More than reserved only if the service's overage policy allows it"),
    workspaceId,
  })
  .strict();

export const releaseHoldBody = z.object({ workspaceId }).strict();

export const extendHoldBody = z
  .object({ ttlSeconds: ttlSeconds.describe("The hold now expires this long from now (never sooner than it already did)"), workspaceId })
  .strict();

export const holdView = z.object({
  id: z.uuid(),
  service: z.string(),
  status: z.enum(HOLD_STATUSES),
  quantity: z.number().int().describe("Units reserved"),
  credits: z.number().int().describe("Credits reserved"),
  held: z.number().int().describe("Credits it holds now (0 once it ended; less than `credits` if an admin removal took some)"),
  expiresAt: z.date(),
  settledQuantity: z.number().int().nullable(),
  settledCredits: z.number().int().nullable(),
  settlementEntryId: z.uuid().nullable().describe("The USAGE ledger entry of its settlement"),
  reference: z.string().nullable(),
  createdAt: z.date(),
  endedAt: z.date().nullable(),
});
export type HoldView = z.infer<typeof holdView>;

export const holdResponse = holdView.extend({
  balance: z.number().int().describe("The wallet's balance after this request"),
  available: z.number().int().describe("Balance less what holds reserve, after this request"),
});
export type HoldResponse = z.infer<typeof holdResponse>;

export const holdsQuery = z.object({
  status: z.enum(HOLD_STATUSES).optional(),
  workspaceId,
  cursor: z.uuid("Use the nextCursor of the previous page").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HoldsQuery = z.infer<typeof holdsQuery>;

export const holdsPage = z.object({ data: z.array(holdView), nextCursor: z.uuid().nullable() });
export type HoldsPage = z.infer<typeof holdsPage>;

export const expireHoldsResponse = z.object({ holdsExpired: z.number().int(), creditsFreed: z.number().int() });
