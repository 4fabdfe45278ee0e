// A mail sender in a process of its own, for the crash test: it claims what is due, tells the
// parent the SMTP server "accepted" each message, then hangs until it is killed — the moment
// between an accepted send and the SENT mark that a real crash can hit.
import { createDbClient } from "@/lib/db/client";
import { sendDueEmails } from "@/services/mail/send-due-emails";

const client = createDbClient({ kind: "postgres", url: process.argv[2]! });
await sendDueEmails(client.prisma, {
  name: "smtp",
  send: async (message) => {
    process.stdout.write(`ACCEPTED ${message.id}\n`);
    await new Promise(() => undefined);
  },
});
