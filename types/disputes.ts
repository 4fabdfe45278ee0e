// Credit disputes: request and response schemas shared by the routes, the forms and the API docs.
import { z } from "zod";
import { creditsAmount } from "./credits";

export const DISPUTE_STATUSES = [
  "OPEN",
  "UNDER_REVIEW",
  "RESOLVED_FULL_REFUND",
  "RESOLVED_PARTIAL_REFUND",
  "RESOLVED_EXPLAINED",
  "REJECTED",
  "APPEALED",
] as const;
export type DisputeStatusName = (typeof DISPUTE_STATUSES)[number];

/** Waiting for an admin: the SLA clock and "one open dispute per entry" apply to these. */
export const OPEN_DISPUTE_STATUSES = ["OPEN", "UNDER_REVIEW", "APPEALED"] as const satisfies readonly DisputeStatusName[];
/** Decisions a customer may appeal (once). */
export const APPEALABLE_STATUSES = ["REJECTED", "RESOLVED_PARTIAL_REFUND"] as const satisfies readonly DisputeStatusName[];

export const DISPUTE_REASONS = {
  not_used: "I did not use this service",
  wrong_quantity: "The quantity is wrong",
  duplicate: "I was charged twice",
  service_failed: "The service failed or gave no result",
  wrong_price: "The price is not what was agreed",
  removal_unjustified: "The credits were removed without reason",
  other: "Something else",
} as const;
export type DisputeReason = keyof typeof DISPUTE_REASONS;
const reasonKeys = Object.keys(DISPUTE_REASONS) as [DisputeReason, ...DisputeReason[]];

export const MAX_EXPLANATION_LENGTH = 2000;
export const MAX_MESSAGE_LENGTH = 2000;

/** Free text a person writes: trimmed, bounded, and without NUL bytes (PostgreSQL text refuses them). */
const text = (label: string, min: number, max: number) =>
  z
    .string()
    .refine((value) => !value.includes("\u0000"), `${label} must not contain NUL characters`)
    .transform((value) => value.trim())
    .pipe(z.string().min(min, `${label} needs at least ${min} characters`).max(max, `${label} must be at most ${max} characters`));

export const openDisputeBody = z
  .object({
    ledgerEntryId: z.uuid().describe("The usage or admin-removal entry being disputed"),
    reason: z.enum(reasonKeys, "Choose a reason from the list").describe("One of the fixed reasons"),
    explanation: text("The explanation", 10, MAX_EXPLANATION_LENGTH).describe("What went wrong, in the customer's words"),
  })
  .strict();
export type OpenDisputeBody = z.infer<typeof openDisputeBody>;

export const appealBody = z.object({ explanation: text("The explanation", 10, MAX_EXPLANATION_LENGTH) }).strict();
export type AppealBody = z.infer<typeof appealBody>;

export const assignBody = z.object({ assigneeId: z.uuid().optional().describe("Omit to assign yourself") }).strict();
export type AssignBody = z.infer<typeof assignBody>;

export const reviewBody = z.object({ message: text("The note", 1, MAX_MESSAGE_LENGTH).optional() }).strict();
export type ReviewBody = z.infer<typeof reviewBody>;

export const resolveBody = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("full_refund"), message: text("The message", 3, MAX_MESSAGE_LENGTH) }).strict(),
  z.object({ outcome: z.literal("partial_refund"), credits: creditsAmount, message: text("The message", 3, MAX_MESSAGE_LENGTH) }).strict(),
  z.object({ outcome: z.literal("explained"), message: text("The explanation", 3, MAX_MESSAGE_LENGTH) }).strict(),
]);
export type ResolveBody = z.infer<typeof resolveBody>;

export const rejectBody = z.object({ message: text("The message", 3, MAX_MESSAGE_LENGTH) }).strict();
export type RejectBody = z.infer<typeof rejectBody>;

export const disputeEventView = z.object({
  id: z.uuid(),
  action: z.string(),
  actorType: z.enum(["USER", "ADMIN", "API_KEY", "STRIPE", "SYSTEM"]),
  fromStatus: z.enum(DISPUTE_STATUSES).nullable(),
  toStatus: z.enum(DISPUTE_STATUSES).nullable(),
  message: z.string().nullable(),
  credits: z.number().int().nullable(),
  createdAt: z.coerce.date(),
});
export type DisputeEventView = z.infer<typeof disputeEventView>;

export const disputeView = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  status: z.enum(DISPUTE_STATUSES),
  appealLevel: z.number().int(),
  reason: z.enum(reasonKeys),
  explanation: z.string(),
  ledgerEntryId: z.uuid(),
  creditsRequested: z.number().int().describe("The disputed amount"),
  creditsRefunded: z.number().int().describe("Given back so far, across all decisions"),
  assignedToId: z.uuid().nullable(),
  dueAt: z.coerce.date().describe("When the first response is due"),
  firstResponseAt: z.coerce.date().nullable(),
  resolvedAt: z.coerce.date().nullable(),
  decisionMessage: z.string().nullable(),
  appealableUntil: z.coerce.date().nullable().describe("Set while the customer may still appeal"),
  overdue: z.boolean(),
  createdAt: z.coerce.date(),
  events: z.array(disputeEventView),
});
export type DisputeView = z.infer<typeof disputeView>;

const cursor = z.string().regex(/^[0-9]{13}_[0-9a-f-]{36}$/, "Use the nextCursor of the previous page");

export const disputeListQuery = z.object({
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type DisputeListQuery = z.infer<typeof disputeListQuery>;

export const disputePage = z.object({ data: z.array(disputeView), nextCursor: z.string().nullable() });
export type DisputePage = z.infer<typeof disputePage>;

export const adminDisputeQuery = disputeListQuery.extend({
  state: z.enum(DISPUTE_STATUSES).optional(),
  /** Only disputes opened at least this many hours ago. */
  minAgeHours: z.coerce.number().int().min(0).max(24 * 365).optional(),
  overdue: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  customer: z.string().trim().max(200).optional().describe("Workspace id, or part of its name or a member's email"),
});
export type AdminDisputeQuery = z.infer<typeof adminDisputeQuery>;

export const adminDisputeView = disputeView.extend({ workspaceName: z.string() });
export type AdminDisputeView = z.infer<typeof adminDisputeView>;
export const adminDisputePage = z.object({ data: z.array(adminDisputeView), nextCursor: z.string().nullable() });
export type AdminDisputePage = z.infer<typeof adminDisputePage>;

export const disputeDigestResponse = z.object({ admins: z.number().int(), disputes: z.number().int() });
