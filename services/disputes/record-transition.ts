import "server-only";
import type { Db } from "@/lib/db";
import { DomainError, forbidden } from "@/lib/errors";
import type { ActorType, DisputeStatus, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import type { DisputeRow } from "./dispute-view";

export type DisputeActor = { type: ActorType; id: string };

/** Refuses a transition from every state but `allowed`, with the stable code `illegal_transition` (409). */
export function assertFrom(dispute: DisputeRow, allowed: readonly DisputeStatus[], action: string): void {
  if (!allowed.includes(dispute.status)) {
    throw new DomainError("illegal_transition", `A dispute that is ${dispute.status} cannot be ${action}`, { status: dispute.status });
  }
}

/** Level 2 (an appeal) is decided by a senior admin only; level 1 by every admin. */
export function assertMayDecide(dispute: DisputeRow, isSenior: boolean): void {
  if (dispute.appealLevel > 0 && !isSenior) throw forbidden("Only a senior admin may decide an appeal");
}

export type Transition = {
  action: string;
  actor: DisputeActor;
  to: DisputeStatus;
  message?: string | null;
  credits?: number | null;
  refundEntryId?: string | null;
  /** A new assignee (assignment, or the reviewer taking an unassigned case). */
  assignedToId?: string;
  /** Further columns to change on the dispute. */
  data?: Prisma.DisputeUpdateInput;
  now: Date;
};

/**
 * Changes the dispute, appends its timeline event and its audit row: all three or none (one
 * transaction). Returns the dispute as it now stands, from the rows written (no second read).
 */
export async function recordTransition(tx: Db, dispute: DisputeRow, t: Transition): Promise<DisputeRow> {
  const changed = await tx.dispute.update({ where: { id: dispute.id }, data: { status: t.to, ...(t.assignedToId ? { assignedToId: t.assignedToId } : {}), ...t.data } });
  const event = await tx.disputeEvent.create({
    data: {
      disputeId: dispute.id,
      action: t.action,
      actorType: t.actor.type,
      actorId: t.actor.id,
      fromStatus: dispute.status,
      toStatus: t.to,
      message: t.message ?? null,
      credits: t.credits ?? null,
      refundEntryId: t.refundEntryId ?? null,
      createdAt: t.now,
    },
  });
  await recordAudit(tx, {
    actor: t.actor,
    action: `dispute.${t.action}`,
    target: { type: "dispute", id: dispute.id },
    workspaceId: dispute.workspaceId,
    before: { status: dispute.status, creditsRefunded: dispute.creditsRefunded, assignedToId: dispute.assignedToId, appealLevel: dispute.appealLevel },
    after: {
      status: t.to,
      assignedToId: t.assignedToId ?? dispute.assignedToId,
      creditsRefunded: dispute.creditsRefunded + (t.credits ?? 0),
      ...(t.refundEntryId ? { refundEntryId: t.refundEntryId } : {}),
      ...(t.message ? { message: t.message } : {}),
    },
  });
  return { ...changed, events: [...dispute.events, event] };
}
