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

/** Locks the dispute row for the rest of the transaction, then reads it: decisions on one dispute run one at a time. */
export async function lockDispute(tx: Db, disputeId: string): Promise<DisputeRow> {
  await tx.$queryRaw`SELECT id FROM disputes WHERE id = ${disputeId}::uuid FOR UPDATE`;
  return loadDispute(tx, disputeId);
}

export type DisputeOptions = { clock?: Clock; settings?: DisputeSettings };

/** The view as stored in an idempotency record (dates as ISO strings); `disputeView.parse` reads it back. */
export function toJson(view: DisputeView): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(view)) as Prisma.InputJsonObject;
}
