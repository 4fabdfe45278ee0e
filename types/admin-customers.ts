// The admin area's customers and four-eyes approvals: list filters, the detail page's sections,
// wallet pause with a scheduled resume, and credit adjustment requests.
import { z } from "zod";
import { ledgerWriteResult } from "./credits";
import { timestamp } from "./time";

const reason = z.string().trim().min(3, "Say why, in a few words").max(500, "Use at most 500 characters");

export const walletPauseBody = z
  .object({
    paused: z.boolean(),
    reason: z.string().trim().max(500, "Use at most 500 characters").optional().describe("Shown to the customer while paused"),
    resumeAt: timestamp().optional().describe("Only when pausing: the resume sweep reopens the wallet at this time"),
  })
  .strict()
  .refine((body) => body.paused || !body.resumeAt, { message: "Only a pause can be scheduled to end", path: ["resumeAt"] })
  .refine((body) => !body.paused || (body.reason?.length ?? 0) >= 3, { message: "Say why, in a few words", path: ["reason"] });
export type WalletPauseBody = z.infer<typeof walletPauseBody>;

export const walletPauseView = z.object({
  status: z.enum(["ACTIVE", "PAUSED"]),
  pausedAt: z.date().nullable(),
  pausedReason: z.string().nullable(),
  resumeAt: z.date().nullable(),
});
export type WalletPauseView = z.infer<typeof walletPauseView>;

export const cancelSubscriptionBody = z
  .object({ atPeriodEnd: z.boolean().describe("true: at the end of the paid period; false: now") })
  .strict();

export const adjustmentRequestView = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  workspaceName: z.string(),
  direction: z.enum(["ADD", "REMOVE"]),
  credits: z.number().int(),
  reason: z.string(),
  expiresAt: z.date().nullable(),
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
  requestedById: z.uuid(),
  requestedByEmail: z.string().nullable(),
  decidedById: z.uuid().nullable(),
  decidedAt: z.date().nullable(),
  rejectionReason: z.string().nullable(),
  ledgerEntryId: z.uuid().nullable(),
  createdAt: z.date(),
});
export type AdjustmentRequestView = z.infer<typeof adjustmentRequestView>;

/** An adjustment either moved credits now or waits for a second admin. */
export const adjustCreditsResponse = z.discriminatedUnion("status", [
  ledgerWriteResult.extend({ status: z.literal("applied") }),
  z.object({ status: z.literal("pending_approval"), request: adjustmentRequestView }),
]);
export type AdjustCreditsResponse = z.infer<typeof adjustCreditsResponse>;

export const rejectAdjustmentBody = z.object({ reason }).strict();

export const adjustmentRequestList = z.object({ data: z.array(adjustmentRequestView), nextCursor: z.uuid().nullable() });
export type AdjustmentRequestList = z.infer<typeof adjustmentRequestList>;

export const adjustmentRequestListQuery = z.object({
  status: z.enum(["PENDING", "APPROVED", "REJECTED"]).default("PENDING"),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdjustmentRequestListQuery = z.infer<typeof adjustmentRequestListQuery>;

export const resumeDueWalletsResponse = z.object({ resumed: z.number().int() });
