import "server-only";
import type { Db } from "@/lib/db";
import type { Email } from "./email";
import { isOptionalEmailKind } from "./email-kinds";

/**
 * Puts a message in the outbox. Call it with the transaction of the change the message is about:
 * the message then exists exactly when the change does, and the mail job sends it.
 *
 * This is the one place notification preferences apply: an optional kind (low balance, plan
 * change, dispute decision) addressed to a member who turned it off for the message's workspace
 * is dropped. Returns whether the message was queued.
 */
export async function queueEmail(db: Db, email: Email): Promise<boolean> {
  if (email.workspaceId && isOptionalEmailKind(email.kind) && (await isTurnedOff(db, email))) return false;
  await db.emailOutbox.create({
    data: { kind: email.kind, to: email.to, subject: email.subject, text: email.text, html: email.html, workspaceId: email.workspaceId ?? null },
  });
  return true;
}

async function isTurnedOff(db: Db, email: Email): Promise<boolean> {
  const preference = await db.notificationPreference.findFirst({
    where: { workspaceId: email.workspaceId!, kind: email.kind, user: { email: { equals: email.to, mode: "insensitive" } } },
    select: { enabled: true },
  });
  return preference?.enabled === false;
}
