// npm run stripe:reconcile [-- --hours=72] [-- --dry-run] — Stripe reconciliation from the command line.
import { parseArgs } from "node:util";
import { systemClock } from "@/lib/clock";
import { createDbClient, dbTargetFromEnv } from "@/lib/db/client";
import { stripe } from "@/lib/stripe/client";
import { hoursBefore } from "@/services/billing/reconcile-checks/check";
import { reconcileStripe } from "@/services/billing/reconcile-stripe";
import { reconcileWindowQuery } from "@/types/billing-admin";

const { values } = parseArgs({ options: { hours: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
const window = reconcileWindowQuery.safeParse({ hours: values.hours });
if (!window.success) {
  console.error("--hours must be a whole number from 1 to 720.");
  process.exit(2);
}
const { hours } = window.data;
const client = createDbClient(dbTargetFromEnv());
try {
  const report = await reconcileStripe(client.prisma, stripe(), { since: hoursBefore(hours, systemClock), repair: !values["dry-run"] });
  console.log(
    `Last ${hours} h: ${report.checkedEvents} event(s) checked, ${report.replayedEvents} replayed, ${report.eventsBehind.length} still behind; ` +
      `${report.checkedPayments} paid checkout(s) checked, ${report.missingBefore.length} missing from the ledger, ${report.repaired.length} repaired, ` +
      `${report.duplicated.length} credited twice, ${report.unknown.length} unknown.`,
  );
  for (const finding of [...report.duplicated, ...report.unknown]) console.log(`  check by hand: ${finding.stripeId} (${finding.ledgerEntries} ledger entries)`);
  for (const finding of report.eventsBehind) console.log(`  event ${finding.id} ${finding.type}: ${finding.localStatus} ${finding.error ?? ""}`);
  // Unknown sessions may be another integration's on the same Stripe account: listed, not a failure.
  if (report.eventsBehind.length || report.duplicated.length) process.exitCode = 1;
} finally {
  await client.close();
}
