import "server-only";
import type { Db } from "@/lib/db";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actor: { type: ActorType; id?: string | null };
  action: string;
  target: { type: string; id?: string | null };
  workspaceId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Appends one audit row. Call it with the transaction of the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      workspaceId: entry.workspaceId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}
