// The mail job inside each app process: every MAIL_POLL_SECONDS it sends what is due, and once a
// minute it looks for workspaces that fell below their low-balance threshold. The outbox is the
// durable part; this loop only decides when to look, so a restart loses nothing, and several
// processes (or the cron endpoint) may run it at once.
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueLowBalanceWarnings } from "./queue-low-balance-warnings";
import { sendDueEmails } from "./send-due-emails";
import { mailTransport } from "./transport";

const LOW_BALANCE_EVERY_MS = 60_000;

const globalForSender = globalThis as typeof globalThis & { __streamlineMailSender?: NodeJS.Timeout };

/** Starts the loop once per process; a no-op when MAIL_POLL_SECONDS is 0. */
export function startMailSender(): void {
  const seconds = env().MAIL_POLL_SECONDS;
  if (seconds === 0 || globalForSender.__streamlineMailSender) return;
  let running = false;
  let lowBalanceCheckedAt = 0;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (Date.now() - lowBalanceCheckedAt >= LOW_BALANCE_EVERY_MS) {
        lowBalanceCheckedAt = Date.now();
        await queueLowBalanceWarnings(db());
      }
      // Drain: a full batch means more may be waiting.
      while ((await sendDueEmails(db(), mailTransport())).claimed > 0);
    } catch (error) {
      console.error("Mail sender:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  globalForSender.__streamlineMailSender = setInterval(tick, seconds * 1000);
  globalForSender.__streamlineMailSender.unref();
}
