import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { idempotencyKeyOf, LEDGER_ENTRY_TYPES } from "./credits";
import { isInTimestampRange, timestamp } from "./time";

export const serviceKey = z
  .string()
  .trim()
  .min(1, "Name the service")
  .max(100, "Use at most 100 characters")
  .describe("The service's key, e.g. `ai.completion`");

export const quantity = z
  .number({ error: "Must be a number" })
  .int("Must be a whole number")
  .positive("Must be at least 1")
  .max(1_000_000, "Must be at most 1,000,000")
  .describe("Units of the service; cost = quantity × the service's unit cost");

export const workspaceId = z
  .uuid("Must be a workspace id")
  .optional()
  .describe("The workspace to spend from. Required with a platform key (`sbp_…`); a workspace key may leave it out or name only its own workspace (another → 403 `forbidden`)");

export const usageCheckBody = z.object({ service: serviceKey, quantity, workspaceId }).strict();
export type UsageCheckBody = z.infer<typeof usageCheckBody>;

export const consumeUsageBody = usageCheckBody
  .extend({
    reference: z.string().max(255).optional().describe("Your id for this call, stored on the ledger entry"),
    description: z.string().max(500).optional(),
  })
  .strict();
export type ConsumeUsageBody = z.infer<typeof consumeUsageBody>;

export const usageResponse = z.object({
  entryId: z.uuid().describe("The USAGE ledger entry"),
  amount: z.number().int().describe("Credits spent, negative"),
  balance: z.number().int().describe("Balance after this call"),
  createdAt: z.date(),
});

export const MAX_BATCH_EVENTS = 500;
/** Fits 500 events of about 2 KiB each; the largest legal event is bigger, so send fewer of those. */
export const MAX_BATCH_BODY_BYTES = 1024 * 1024;

export const usageBatchEvent = consumeUsageBody
  .extend({
    id: idempotencyKeyOf("id").describe(
      "The event's idempotency key, as the Idempotency-Key header of `POST /v1/usage` (the same namespace: an event sent through either endpoint replays) — printable ASCII",
    ),
  })
  .strict();
export type UsageBatchEvent = z.infer<typeof usageBatchEvent>;

export const usageBatchBody = z
  .object({
    events: z
      .array(usageBatchEvent)
      .min(1, "Send at least one event")
      .max(MAX_BATCH_EVENTS, `Send at most ${MAX_BATCH_EVENTS} events per request`)
      .describe(`1 to ${MAX_BATCH_EVENTS} usage events, each applied as \`POST /v1/usage\` would apply it alone; ids unique within the request`),
  })
  .strict()
  .superRefine(({ events }, ctx) => {
    const seen = new Set<string>();
    events.forEach((event, index) => {
      if (seen.has(event.id)) ctx.addIssue({ code: "custom", path: ["events", index, "id"], message: "Already used by an earlier event in this request" });
      seen.add(event.id);
    });
  });
export type UsageBatchBody = z.infer<typeof usageBatchBody>;

const batchProblem = z
  .object({
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    title: z.string(),
    detail: z.string(),
  })
  .describe("Why the event was refused, as `POST /v1/usage` would answer it alone");

export const usageBatchResult = z.discriminatedUnion("status", [
  z.object({
    id: z.string(),
    status: z.enum(["applied", "replayed"]).describe("`replayed`: this id was used before with the same event; `entry` is the first answer"),
    entry: usageResponse,
  }),
  z.object({ id: z.string(), status: z.literal("rejected"), problem: batchProblem }),
]);
export type UsageBatchResult = z.infer<typeof usageBatchResult>;

export const usageBatchResponse = z.object({
  results: z.array(usageBatchResult).describe("One per event, in request order"),
});

export const usageCheckResponse = z.object({
  allowed: z.boolean(),
  reason: z.enum(["insufficient_credits", "wallet_paused"]).nullable().describe("Why it would be refused"),
  cost: z.number().int().describe("Credits the call would spend"),
  balance: z.number().int(),
  available: z.number().int().describe("Credits spendable now (excludes lapsed, not yet swept lots)"),
});
export type UsageCheckResponse = z.infer<typeof usageCheckResponse>;

export const balanceResponse = z.object({
  balance: z.number().int().describe("Σ of the ledger; negative only after a removal or clawback"),
  held: z.number().int().describe("Credits active holds reserve (`POST /v1/holds`)"),
  available: z.number().int().describe("Credits spendable now: the balance less what holds reserve and what lapsed, not yet swept lots hold"),
  status: z.enum(["ACTIVE", "PAUSED"]),
});
export type BalanceResponse = z.infer<typeof balanceResponse>;

const MAX_SEQUENCE = 2n ** 63n - 1n;

/** A ledger page cursor: `<createdAt ISO>_<sequence>`, as `nextCursor` gives it. */
function isLedgerCursor(cursor: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,19})$/.exec(cursor);
  if (!match) return false;
  const createdAt = new Date(match[1]!);
  return !Number.isNaN(createdAt.getTime()) && createdAt.toISOString() === match[1] && isInTimestampRange(createdAt) && BigInt(match[2]!) <= MAX_SEQUENCE;
}

const ledgerTypes = z
  .string()
  .transform((value) => value.split(",").map((type) => type.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.enum(LEDGER_ENTRY_TYPES, { error: `Use one or more of ${LEDGER_ENTRY_TYPES.join(", ")}` })));

export const ledgerQuery = z
  .object({
    type: ledgerTypes.optional().describe("Comma-separated entry types"),
    from: timestamp().optional().describe("Entries at or after this time"),
    to: timestamp().optional().describe("Entries before this time"),
    service: z.string().trim().min(1).max(100).optional().describe("Only usage of this service (its key)"),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .optional()
      .describe("Entries whose reference (your `reference`, a Stripe object id), idempotency key or entry id is exactly this"),
    cursor: z.string().refine(isLedgerCursor, "Use the nextCursor of the previous page").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    format: z.enum(["json", "csv"]).default("json").describe("csv exports every matching entry"),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "`from` must be before `to`", path: ["from"] });
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const ledgerEntryView = z.object({
  id: z.uuid(),
  type: z.enum(LEDGER_ENTRY_TYPES),
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  service: z.string().nullable(),
  quantity: z.number().int().nullable(),
  referenceType: z.string().nullable(),
  referenceId: z.string().nullable(),
  reversesId: z.uuid().nullable(),
  description: z.string().nullable(),
  createdAt: z.date(),
});
export type LedgerEntryView = z.infer<typeof ledgerEntryView>;

export const ledgerPage = z.object({ data: z.array(ledgerEntryView), nextCursor: z.string().nullable() });
export type LedgerPage = z.infer<typeof ledgerPage>;

export const usageSummaryQuery = z
  .object({
    from: timestamp(),
    to: timestamp(),
  })
  .refine((q) => q.from < q.to, { message: "`from` must be before `to`", path: ["from"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 366 * 86_400_000, { message: "At most a year at a time", path: ["to"] });
export type UsageSummaryQuery = z.infer<typeof usageSummaryQuery>;

export const usageSummary = z.object({
  data: z.array(
    z.object({
      day: z.string().describe("UTC day, YYYY-MM-DD"),
      service: z.string(),
      credits: z.number().int().describe("Credits spent that day on the service (positive)"),
      quantity: z.number().int(),
      calls: z.number().int(),
    }),
  ),
});
export type UsageSummary = z.infer<typeof usageSummary>;
