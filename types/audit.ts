import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Not a real date");

export const auditLogQuery = z.object({
  actor: z.string().trim().max(320).optional().describe("An actor's email, user id or API key id, or a type: ADMIN, USER, STRIPE, SYSTEM, API_KEY"),
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z0-9_.]*$/, "Use the start of an action, e.g. credits. or credits.added")
    .optional()
    .describe("Actions starting with this"),
  target: z.string().trim().max(200).optional().describe("The target's id (a workspace, entry, event…)"),
  workspace: z.uuid("Use a workspace id").optional(),
  from: day.optional().describe("First UTC day, inclusive"),
  to: day.optional().describe("Last UTC day, inclusive"),
  cursor: z.uuid().optional().describe("The last id of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

/** A before/after snapshot as stored (JSON). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const auditLogRow = z.object({
  id: z.uuid(),
  createdAt: z.date(),
  actorType: z.enum(["USER", "ADMIN", "API_KEY", "STRIPE", "SYSTEM"]),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  workspaceId: z.uuid().nullable(),
  workspaceName: z.string().nullable(),
  before: z.unknown().describe("The target before the action (JSON), or null"),
  after: z.unknown().describe("The target after the action (JSON), or null"),
});
export type AuditLogRow = Omit<z.infer<typeof auditLogRow>, "before" | "after"> & { before: JsonValue | null; after: JsonValue | null };

export const auditLogPage = z.object({ data: z.array(auditLogRow), nextCursor: z.uuid().nullable() });
export type AuditLogPage = { data: AuditLogRow[]; nextCursor: string | null };
