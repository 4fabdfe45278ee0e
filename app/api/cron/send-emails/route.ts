import { json } from "@/lib/http/responses";
import { withCron } from "@/lib/http/route";
import { queueLowBalanceWarnings } from "@/services/mail/queue-low-balance-warnings";
import { sendDueEmails } from "@/services/mail/send-due-emails";
import { mailTransport } from "@/services/mail/transport";
import { emailSendReport } from "@/types/mail";

// POST /api/cron/send-emails — queue low-balance warnings, then send due mail (every minute, when MAIL_POLL_SECONDS=0)
export const POST = withCron({}, async ({ db }) => {
  const lowBalanceWarnings = await queueLowBalanceWarnings(db);
  return json(emailSendReport, { ...(await sendDueEmails(db, mailTransport())), lowBalanceWarnings });
});
