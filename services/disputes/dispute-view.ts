import "server-only";
import type { Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Dispute, DisputeEvent, Prisma } from "@/lib/generated/prisma/client";
import { APPEALABLE_STATUSES, OPEN_DISPUTE_STATUSES, type DisputeReason, type DisputeView } from "@/types/disputes";
import { DAY_MS, type DisputeSettings } from "./dispute-settings";

export type DisputeRow = Dispute & { events: DisputeEvent[] };

export const EVENTS_IN_ORDER = { orderBy: [{ sequence: "asc" as const }] };

/** Waiting for an admin's first action past its due time. */
export function isOverdue(dispute: Pick<Dispute, "status" | "dueAt" | "firstResponseAt">, now: Date): boolean {
  const waiting = (OPEN_DISPUTE_STATUSES as readonly string[]).includes(dispute.status);
  return waiting && !dispute.firstResponseAt && !!dispute.dueAt && now > dispute.dueAt;
}

/** Until when the customer may appeal this decision, or null when they may no longer. */
export function appealableUntil(dispute: Pick<Dispute, "status" | "appealLevel" | "resolvedAt">, settings: DisputeSettings): Date | null {
  if (dispute.appealLevel > 0 || !dispute.resolvedAt) return null;
  if (!(APPEALABLE_STATUSES as readonly string[]).includes(dispute.status)) return null;
  return new Date(dispute.resolvedAt.getTime() + settings.appealWindowDays * DAY_MS);
}

export function toDisputeView(row: DisputeRow, settings: DisputeSettings, now: Date): DisputeView {
  const until = appealableUntil(row, settings);
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    status: row.status,
    appealLevel: row.appealLevel,
    reason: row.reason as DisputeReason,
    explanation: row.description ?? "",
    ledgerEntryId: row.ledgerEntryId!,
    creditsRequested: row.creditsRequested,
    creditsRefunded: row.creditsRefunded,
    assignedToId: row.assignedToId,
    dueAt: row.dueAt ?? row.createdAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    decisionMessage: row.decisionMessage,
    appealableUntil: until && until > now ? until : null,
    overdue: isOverdue(row, now),
    createdAt: row.createdAt,
    events: row.events.map((event) => ({
      id: event.id,
      action: event.action,
      actorType: event.actorType,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      message: event.message,
      credits: event.credits,
      createdAt: event.createdAt,
    })),
  };
}

/** A credit dispute with its timeline; another kind, or none, is not found. */
export async function loadDispute(db: Db, disputeId: string): Promise<DisputeRow> {
  const row = await db.dispute.findUnique({ where: { id: disputeId }, include: { events: EVENTS_IN_ORDER } });
  if (!row || row.kind !== "CREDIT") throw notFound("Dispute");
  return row;
}

/** Who opened a dispute, for the decision email. */
export type DisputeOpener = { email: string; name: string | null };
export type LockedDispute = DisputeRow & { opener: DisputeOpener | null };

/**
 * Locks the dispute row for the rest of the transaction (decisions on one dispute run one at a
 * time) and reads it with its opener in the same statement, then its timeline: two round trips,
 * where a lock, a read with its relation and the opener's lookup took four.
 */
export async function lockDispute(tx: Db, disputeId: string): Promise<LockedDispute> {
  const [row] = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT d.*, u.email AS opener_email, u.name AS opener_name
    FROM disputes d LEFT JOIN users u ON u.id = d.opened_by_id
    WHERE d.id = ${disputeId}::uuid AND d.kind = 'CREDIT'
    FOR UPDATE OF d`;
  if (!row) throw notFound("Dispute");
  const { opener_email: email, opener_name: name, ...columns } = row;
  const events = await tx.disputeEvent.findMany({ where: { disputeId }, ...EVENTS_IN_ORDER });
  const opener = typeof email === "string" ? { email, name: (name as string | null) ?? null } : null;
  return { ...(camelCaseKeys(columns) as Dispute), events, opener };
}

/** A raw row's snake_case columns as the model's camelCase fields (values are already typed by the driver). */
function camelCaseKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
}

export type DisputeOptions = { clock?: Clock; settings?: DisputeSettings };

/** The view as stored in an idempotency record (dates as ISO strings); `disputeView.parse` reads it back. */
export function toJson(view: DisputeView): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(view)) as Prisma.InputJsonObject;
}
