import { z } from "zod";

export const LEDGER_ENTRY_TYPES = [
  "PURCHASE",
  "SUBSCRIPTION_GRANT",
  "PROMO_BONUS",
  "ADMIN_ADJUSTMENT",
  "USAGE",
  "DISPUTE_REFUND",
  "PAYMENT_REFUND_CLAWBACK",
  "EXPIRY",
  "REVERSAL",
] as const;

export const MAX_CREDITS_PER_OPERATION = 1_000_000_000;
/** A wallet's balance stays within ± this (a CHECK in the database; the ledger refuses past it). */
export const MAX_WALLET_BALANCE = 2_000_000_000;

/** An idempotency key as a client sends it (the header, or a batch event's `id`): what Stripe allows. */
export function idempotencyKeyOf(name: string) {
  return z
    .string({ error: `${name} must be a string` })
    .min(1, `${name} is required`)
    .max(255, `${name} is at most 255 characters`)
    .regex(/^[\x21-\x7e]+$/, `${name} must be printable ASCII without spaces`);
}

export const idempotencyKey = idempotencyKeyOf("Idempotency-Key");

export const creditsAmount = z
  .number({ error: "Must be a number" })
  .int("Must be a whole number of credits")
  .positive("Must be at least 1")
  .max(MAX_CREDITS_PER_OPERATION, `Must be at most ${MAX_CREDITS_PER_OPERATION.toLocaleString("en-US")}`);

/** The result of a ledger write, identical for the first request and every retry of it. */
export const ledgerWriteResult = z.object({
  entryId: z.uuid().describe("The ledger entry written (or found, for a retry)"),
  amount: z.number().int().describe("Signed credits of the entry"),
  balance: z.number().int().describe("Wallet balance right after the entry"),
  createdAt: z.date(),
});
export type LedgerWriteResult = z.infer<typeof ledgerWriteResult>;

export const expireCreditsResponse = z.object({
  lotsExpired: z.number().int(),
  creditsExpired: z.number().int(),
});
