import "server-only";
import type Stripe from "stripe";
import { systemClock, type Clock } from "@/lib/clock";
import { isClient, type Db } from "@/lib/db";
import type { StripeReconciliationReport } from "@/types/billing-admin";
import { recordAudit } from "../audit/record-audit";
import type { ReconcileCheck } from "./reconcile-checks/check";
import { checkCheckoutSessions } from "./reconcile-checks/checkout-sessions";
import { checkInvoices } from "./reconcile-checks/invoices";
import { checkStripeEvents } from "./reconcile-checks/stripe-events";

// Payments first: `missingBefore` then shows the ledger as the webhooks left it, before replayed
// events credit anything. Either order converges, since both paths grant under the same key.
const CHECKS: ReconcileCheck[] = [checkCheckoutSessions, checkInvoices, checkStripeEvents];

export type ReconcileStripeOptions = {
  since: Date;
  /** False runs every check read-only. Default true. */
  repair?: boolean;
  /** Who asked: an admin, or the schedule. */
  actor?: { type: "ADMIN"; id: string } | { type: "SYSTEM" };
  clock?: Clock;
};

/**
 * Compares what Stripe reports since `since` with the local state and, unless read-only, makes
 * the local state catch up: replays events never delivered or not processed, and credits paid
 * checkouts that have no ledger entry. Safe to run at any time and repeatedly (every repair goes
 * through the idempotent paths the webhook uses). Audited when an admin asks for a repair or when
 * a scheduled run changed anything. Needs the client: repairs run their own transactions.
 */
export async function reconcileStripe(db: Db, stripe: Stripe, options: ReconcileStripeOptions): Promise<StripeReconciliationReport> {
  if (!isClient(db)) throw new Error("reconcileStripe runs its own transactions: pass the client, not a transaction");
  const ctx = { db, stripe, since: options.since, repair: options.repair ?? true, clock: options.clock ?? systemClock };
  const report: StripeReconciliationReport = {
    since: options.since,
    repair: ctx.repair,
    checkedEvents: 0,
    replayedEvents: 0,
    eventsBehind: [],
    checkedPayments: 0,
    missingBefore: [],
    repaired: [],
    duplicated: [],
    unknown: [],
  };
  for (const check of CHECKS) await check(ctx, report);

  const actor = options.actor ?? { type: "SYSTEM" };
  const changed = report.replayedEvents > 0 || report.repaired.length > 0;
  if (ctx.repair && (changed || actor.type === "ADMIN")) {
    await recordAudit(db, {
      actor,
      action: "stripe.reconciled",
      target: { type: "stripe_reconciliation" },
      after: {
        since: options.since.toISOString(),
        replayedEvents: report.replayedEvents,
        repaired: report.repaired.map((finding) => finding.stripeId),
        stillBehind: report.eventsBehind.map((finding) => finding.id),
        duplicated: report.duplicated.map((finding) => finding.stripeId),
        unknown: report.unknown.map((finding) => finding.stripeId),
      },
    });
  }
  return report;
}
