import { z } from "zod";

export const emailSendReport = z.object({
  claimed: z.number().int().describe("Messages taken from the outbox in this run"),
  sent: z.number().int(),
  retrying: z.number().int().describe("Failed this time; tried again after a backoff"),
  failed: z.number().int().describe("Given up on: a permanent refusal or too many attempts"),
  lowBalanceWarnings: z.number().int().describe("Workspaces that crossed their low-balance threshold since the last run"),
});
export type EmailSendReportView = z.infer<typeof emailSendReport>;

export const notificationPreferenceBody = z
  .object({
    kind: z.enum(["low_balance", "plan_change", "dispute_decision"]).describe("An optional kind of mail; invitations and receipts are always sent"),
    enabled: z.boolean(),
  })
  .strict();
export type NotificationPreferenceBody = z.infer<typeof notificationPreferenceBody>;

export const lowBalanceThresholdBody = z
  .object({ thresholdCredits: z.coerce.number().int("Use a whole number of credits").min(0, "Use 0 or more credits").max(100_000_000, "Use at most 100,000,000 credits") })
  .strict();
export type LowBalanceThresholdBody = z.infer<typeof lowBalanceThresholdBody>;
