// npm run stripe:process-events — the webhook sweep from the command line (or a system cron).
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { stripe } from "@/lib/stripe/client";
import { processDueStripeEvents } from "@/services/billing/process-due-stripe-events";

const client = createDbClient(dbTargetFromEnv());
try {
  const sweep = await processDueStripeEvents(client.prisma, stripe());
  console.log(`${sweep.due} Stripe event(s) due, ${sweep.processed} processed, ${sweep.failed.length} failed again.`);
  for (const failure of sweep.failed) console.log(`  ${failure.id}: ${failure.error}`);
  if (sweep.failed.length) process.exitCode = 1;
} finally {
  await client.close();
}
