// npm run mail:send — the mail job from the command line (or a system cron): queues low-balance
// warnings, then sends everything due, batch after batch.
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { queueLowBalanceWarnings } from "@/services/mail/queue-low-balance-warnings";
import { sendDueEmails } from "@/services/mail/send-due-emails";
import { mailTransport } from "@/services/mail/transport";

const client = createDbClient(dbTargetFromEnv());
try {
  const warnings = await queueLowBalanceWarnings(client.prisma);
  const total = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const report = await sendDueEmails(client.prisma, mailTransport());
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += report[key];
    if (report.claimed === 0) break;
  }
  console.log(`${warnings} low-balance warning(s) queued; ${total.sent} sent with ${mailTransport().name}, ${total.retrying} to retry, ${total.failed} given up.`);
  if (total.failed) process.exitCode = 1;
} finally {
  await client.close();
}
