// npm run disputes:digest — the daily SLA digest for admins from the command line (or a system cron).
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { sendSlaDigest } from "@/services/disputes/send-sla-digest";

const client = createDbClient(dbTargetFromEnv());
try {
  const result = await sendSlaDigest(client.prisma);
  console.log(`Queued ${result.admins} digest email(s) listing ${result.disputes} dispute(s).`);
} finally {
  await client.close();
}
