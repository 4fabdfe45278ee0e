import { z } from "zod";

/** Stripe's event ids: `evt_` and letters, digits or underscores. Anything else names no event. */
export const STRIPE_EVENT_ID = /^evt_[A-Za-z0-9_]+$/;
export const stripeEventId = z.string().max(255).regex(STRIPE_EVENT_ID, "Not a Stripe event id");

export const stripeEventStatus = z.enum(["RECEIVED", "PROCESSED", "FAILED", "IGNORED"]);
export type StripeEventStatus = z.infer<typeof stripeEventStatus>;

export const stripeEventListQuery = z.object({
  status: stripeEventStatus.optional(),
  // Letters, digits, dots and underscores only: it becomes a LIKE prefix, and these are all a
  // Stripe event type is made of (`_` still matches any one character there, which is harmless).
  type: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.]*$/, "Use the start of an event type, e.g. checkout.session")
    .optional()
    .describe("Event types starting with this, e.g. `charge.` or `checkout.session.completed`"),
  cursor: stripeEventId.optional().describe("The last id of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type StripeEventListQuery = z.infer<typeof stripeEventListQuery>;

export const stripeEventRow = z.object({
  id: z.string(),
  type: z.string(),
  status: stripeEventStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  livemode: z.boolean(),
  stripeCreatedAt: z.date(),
  receivedAt: z.date(),
  processedAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable().describe("When the sweep retries it; null once processed, or after the last attempt"),
});
export type StripeEventRow = z.infer<typeof stripeEventRow>;

export const stripeEventList = z.object({ data: z.array(stripeEventRow), nextCursor: z.string().nullable() });
export type StripeEventList = z.infer<typeof stripeEventList>;

export const stripeEventReplayResponse = z.object({
  id: z.string(),
  status: stripeEventStatus,
  replayed: z.boolean().describe("False when the event was already processed or ignored: nothing was done"),
  lastError: z.string().nullable(),
});
export type StripeEventReplay = z.infer<typeof stripeEventReplayResponse>;

// ─── Reconciliation ───────────────────────────────────────────────────────────────────────

/** Which kind of Stripe payment a finding is about: a one-time checkout, or a plan's invoice. */
export const reconciledKind = z.enum(["checkout_session", "invoice"]);

export const paymentFinding = z.object({
  kind: reconciledKind,
  stripeId: z.string(),
  paymentId: z.string().nullable().describe("Our payment row; null when Stripe has a payment we never started"),
  workspaceId: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  currency: z.string().nullable(),
  credits: z.number().int().nullable(),
  ledgerEntries: z.number().int().describe("Ledger entries under the payment's key, across all wallets"),
  error: z.string().nullable().describe("Why a repair of this payment failed"),
});
export type PaymentFinding = z.infer<typeof paymentFinding>;

export const eventFinding = z.object({
  id: z.string(),
  type: z.string(),
  localStatus: z.enum(["MISSING", "RECEIVED", "FAILED"]),
  error: z.string().nullable(),
});
export type EventFinding = z.infer<typeof eventFinding>;

export const stripeReconciliationReport = z.object({
  since: z.date(),
  repair: z.boolean().describe("False for a read-only run: findings are reported, nothing is changed"),
  checkedEvents: z.number().int(),
  replayedEvents: z.number().int(),
  eventsBehind: z.array(eventFinding).describe("Stripe events not processed here after this run (read-only: before it)"),
  checkedPayments: z.number().int(),
  missingBefore: z.array(paymentFinding).describe("Paid at Stripe, with our payment row, but no ledger entry when the run began"),
  repaired: z.array(paymentFinding).describe("Of those, credited by this run"),
  duplicated: z.array(paymentFinding).describe("Credited more than once: should never happen; investigate by hand"),
  unknown: z.array(paymentFinding).describe("Paid at Stripe with no payment row here"),
});
export type StripeReconciliationReport = z.infer<typeof stripeReconciliationReport>;

export const stripeEventSweep = z.object({
  due: z.number().int().describe("Events whose next attempt was due"),
  processed: z.number().int().describe("Of those, processed (or ignored) by this run"),
  failed: z.array(z.object({ id: z.string(), error: z.string() })).describe("Failed again; retried later with backoff"),
});
export type StripeEventSweep = z.infer<typeof stripeEventSweep>;

export const stripeReconciliationBody = z.object({ repair: z.boolean().describe("False runs the checks read-only") }).strict();

/** `?hours=` of the cron route: how far back to look. Three days by default, a month at most. */
export const reconcileWindowQuery = z.object({ hours: z.coerce.number().int().min(1).max(720).default(72) });
