import { z } from "zod";
import { creditsAmount } from "./credits";
import { timestamp } from "./time";

const reason = z.string().trim().min(3, "Say why, in a few words").max(500, "Use at most 500 characters").describe("Shown to the customer and kept in the ledger");

export const adjustCreditsBody = z
  .object({
    direction: z.enum(["add", "remove"]).describe("`remove` may take the balance below zero"),
    credits: creditsAmount,
    reason,
    expiresAt: timestamp().optional().describe("Only for `add`: when these credits lapse"),
  })
  .strict()
  .refine((body) => body.direction === "add" || !body.expiresAt, { message: "Only added credits can expire", path: ["expiresAt"] });
export type AdjustCreditsBody = z.infer<typeof adjustCreditsBody>;

export const walletStatusBody = z
  .object({ paused: z.boolean(), reason: z.string().trim().max(500).optional() })
  .strict();
export type WalletStatusBody = z.infer<typeof walletStatusBody>;

export const walletStatusResponse = z.object({ status: z.enum(["ACTIVE", "PAUSED"]) });

export const reverseEntryBody = z
  .object({ credits: creditsAmount.optional().describe("Omit to reverse what is left of the entry"), reason })
  .strict();
export type ReverseEntryBody = z.infer<typeof reverseEntryBody>;

export const integrityReportResponse = z.object({
  walletsChecked: z.number().int(),
  checkedAt: z.date(),
  mismatches: z.array(
    z.object({
      workspaceId: z.uuid(),
      walletId: z.uuid(),
      balance: z.number().int(),
      ledgerSum: z.number().int(),
      lotsRemaining: z.number().int(),
      lastBalanceAfter: z.number().int().nullable(),
      held: z.number().int(),
      lotsHeld: z.number().int(),
      holdsHeld: z.number().int(),
    }),
  ),
});
