import "server-only";
import type { Db } from "@/lib/db";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import type { AuditLogPage, AuditLogQuery, AuditLogRow, JsonValue } from "@/types/audit";

const ACTOR_TYPES: ActorType[] = ["USER", "ADMIN", "API_KEY", "STRIPE", "SYSTEM"];
const DAY_MS = 86_400_000;

/** The filters as a Prisma `where`; an actor given by email that matches no one matches nothing. */
async function whereFor(db: Db, query: AuditLogQuery): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  const actor = query.actor;
  if (actor) {
    const upper = actor.toUpperCase() as ActorType;
    if (ACTOR_TYPES.includes(upper)) where.actorType = upper;
    else if (actor.includes("@")) {
      const user = await db.user.findUnique({ where: { email: actor.toLowerCase() }, select: { id: true } });
      // No such user: actor ids are never emails, so this matches nothing.
      where.actorId = user?.id ?? actor;
    } else where.actorId = actor;
  }
  if (query.action) where.action = { startsWith: query.action };
  if (query.target) where.targetId = query.target;
  if (query.workspace) where.workspaceId = query.workspace;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
      ...(query.to ? { lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  return where;
}

/**
 * Audit rows, newest first, by keyset pagination on (createdAt, id), with who acted (the user's
 * email for people) and the workspace's name resolved for display.
 */
export async function listAuditLogs(db: Db, query: AuditLogQuery): Promise<AuditLogPage> {
  const rows = await db.auditLog.findMany({
    where: await whereFor(db, query),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return { data: await describe(db, page), nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

/** Every matching row, newest first, a page at a time (for the CSV export). */
export async function* iterateAuditLogs(db: Db, query: AuditLogQuery): AsyncIterable<AuditLogRow> {
  let cursor: string | undefined;
  do {
    const page = await listAuditLogs(db, { ...query, limit: 100, cursor });
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

type Raw = Awaited<ReturnType<Db["auditLog"]["findMany"]>>[number];

async function describe(db: Db, rows: Raw[]): Promise<AuditLogRow[]> {
  const UUID = /^[0-9a-f-]{36}$/i;
  const userIds = [...new Set(rows.filter((r) => (r.actorType === "USER" || r.actorType === "ADMIN") && r.actorId && UUID.test(r.actorId)).map((r) => r.actorId!))];
  const workspaceIds = [...new Set(rows.map((r) => r.workspaceId).filter((id): id is string => Boolean(id)))];
  const [users, workspaces] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
    workspaceIds.length ? db.workspace.findMany({ where: { id: { in: workspaceIds } }, select: { id: true, name: true } }) : [],
  ]);
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    actorType: r.actorType,
    actorId: r.actorId,
    actorEmail: (r.actorId && emails.get(r.actorId)) ?? null,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    workspaceId: r.workspaceId,
    workspaceName: (r.workspaceId && names.get(r.workspaceId)) ?? null,
    // Prisma's JSON type is this same shape, spelled with its own interfaces.
    before: (r.before ?? null) as JsonValue | null,
    after: (r.after ?? null) as JsonValue | null,
  }));
}
