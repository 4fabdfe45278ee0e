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
  const workspaceId = email.workspaceId ?? null;
  const optional = workspaceId !== null && isOptionalEmailKind(email.kind);
  // One statement: the preference check rides along with the insert, so a message costs a
  // transaction one round trip, not two. Its times are this process's, as the sender's are: the
  // database's now() is rounded to the column's milliseconds, up as often as down, and a message
  // stamped half a millisecond ahead is not due for a sender that runs at once.
  const now = new Date();
  const queued = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO email_outbox (kind, "to", subject, text, html, workspace_id, created_at, next_attempt_at)
    SELECT ${email.kind}, ${email.to}, ${email.subject}, ${email.text}, ${email.html}, ${workspaceId}::uuid, ${now}, ${now}
    WHERE NOT ${optional} OR NOT EXISTS (
      SELECT 1 FROM notification_preferences p JOIN users u ON u.id = p.user_id
      WHERE p.workspace_id = ${workspaceId}::uuid AND p.kind = ${email.kind} AND NOT p.enabled AND lower(u.email) = lower(${email.to}))
    RETURNING id`;
  return queued.length > 0;
}
