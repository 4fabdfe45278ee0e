import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { isClient, type Db } from "@/lib/db";
import { PermanentMailError, type MailTransport, type OutgoingEmail } from "./transport";

/** A message that failed this many times is given up on (FAILED, shown in the mailbox). */
export const MAX_EMAIL_ATTEMPTS = 6;
/**
 * How long a claim lasts. A sender that dies while holding messages (after claiming, before
 * marking) leaves them SENDING; once the lease ends they are claimed again. Longer than a batch
 * can take with the transport's timeouts, so a slow send is not claimed twice.
 */
export const EMAIL_LEASE_MS = 10 * 60_000;
const BATCH = 10;

/** 1, 2, 4, 8, 16 minutes… after the 1st, 2nd, 3rd… failure, at most 6 hours. */
export function emailRetryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

export type EmailSendReport = { claimed: number; sent: number; retrying: number; failed: number };

type Claimed = OutgoingEmail & { attempts: number };

/**
 * Sends what is due in the outbox: PENDING messages whose next attempt has come, and SENDING ones
 * whose claim lapsed (their sender died). Safe to run from several processes at once.
 *
 * Delivery is at least once, not exactly once. A message is claimed in one statement (its own
 * transaction, `FOR UPDATE SKIP LOCKED`, so concurrent senders take different rows), sent, then
 * marked SENT. A crash after the SMTP server accepted it and before the mark commits leaves it
 * SENDING, and it is sent again when the lease ends — at most once more per such crash. Every
 * other failure is recorded with a backoff, and the mark is fenced by the attempt number so a
 * sender whose lease lapsed cannot overwrite the newer claim's outcome. Needs the client.
 */
export async function sendDueEmails(db: Db, transport: MailTransport, { clock = systemClock, limit = BATCH }: { clock?: Clock; limit?: number } = {}): Promise<EmailSendReport> {
  if (!isClient(db)) throw new Error("sendDueEmails commits each claim and each outcome: pass the client, not a transaction");
  const now = clock.now();
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE email_outbox
       SET status = 'SENDING'::email_status, attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + EMAIL_LEASE_MS)}
     WHERE id IN (SELECT id FROM email_outbox
                   WHERE status IN ('PENDING'::email_status, 'SENDING'::email_status) AND next_attempt_at <= ${now}
                   ORDER BY next_attempt_at, id
                   LIMIT ${limit}
                   FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id, "to", subject, text, html, attempts`;
  const report: EmailSendReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    const claim = { id: message.id, status: "SENDING" as const, attempts: message.attempts };
    if (message.attempts > MAX_EMAIL_ATTEMPTS) {
      // Claimed again after lapsed leases only: senders keep dying on it, so stop.
      await db.emailOutbox.updateMany({ where: claim, data: { status: "FAILED", lastError: "The sender stopped before finishing, too many times", nextAttemptAt: null } });
      report.failed++;
      continue;
    }
    try {
      await transport.send(message);
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const giveUp = error instanceof PermanentMailError || message.attempts >= MAX_EMAIL_ATTEMPTS;
      await db.emailOutbox.updateMany({
        where: claim,
        data: giveUp ? { status: "FAILED", lastError, nextAttemptAt: null } : { status: "PENDING", lastError, nextAttemptAt: new Date(clock.now().getTime() + emailRetryDelayMs(message.attempts)) },
      });
      report[giveUp ? "failed" : "retrying"]++;
      continue;
    }
    await db.emailOutbox.updateMany({ where: claim, data: { status: "SENT", sentAt: clock.now(), nextAttemptAt: null } });
    report.sent++;
  }
  return report;
}
