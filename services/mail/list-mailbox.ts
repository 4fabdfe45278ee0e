import "server-only";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { EmailStatus } from "@/lib/generated/prisma/client";

/**
 * The development mailbox exists where mail does not really leave: outside production, or in a
 * production without SMTP_URL (a demo). With real SMTP in production it is gone (404).
 */
export function isMailboxAvailable(): boolean {
  return env().NODE_ENV !== "production" || !env().SMTP_URL;
}

export type MailboxViewer = { email: string; isPlatformAdmin: boolean };
export type MailboxRow = { id: string; kind: string; to: string; subject: string; status: EmailStatus; attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null };

/**
 * Messages newest first, keyset-paged by id within creation time. Outside production everyone
 * signed in sees every message (it is the developer's machine); in production only platform
 * admins do, and everyone else sees only mail addressed to them.
 */
export function mailboxScope(viewer: MailboxViewer) {
  const seesAll = env().NODE_ENV !== "production" || viewer.isPlatformAdmin;
  return seesAll ? {} : { to: { equals: viewer.email, mode: "insensitive" as const } };
}

export async function listMailbox(db: Db, viewer: MailboxViewer, { cursor, limit = 25 }: { cursor?: string; limit?: number } = {}): Promise<{ rows: MailboxRow[]; nextCursor: string | null }> {
  const after = cursor ? await db.emailOutbox.findUnique({ where: { id: cursor }, select: { createdAt: true, id: true } }) : null;
  const rows = await db.emailOutbox.findMany({
    where: { ...mailboxScope(viewer), ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, kind: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
  return { rows: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]!.id : null };
}

/** One message with its bodies, or null when it does not exist or is not the viewer's to see. */
export async function findMailboxMessage(db: Db, viewer: MailboxViewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.emailOutbox.findFirst({ where: { id, ...mailboxScope(viewer) } });
}
