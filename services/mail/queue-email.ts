import "server-only";
import type { Db } from "@/lib/db";
import type { Email } from "./email";

/**
 * Puts a message in the outbox. Call it with the transaction of the change the message is about:
 * the message then exists exactly when the change does, and the mail job sends it once.
 */
export async function queueEmail(db: Db, email: Email): Promise<void> {
  await db.emailOutbox.create({
    data: { kind: email.kind, to: email.to, subject: email.subject, text: email.text, html: email.html, workspaceId: email.workspaceId ?? null },
  });
}
