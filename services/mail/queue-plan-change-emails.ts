import "server-only";
import { appUrl } from "@/lib/app-url";
import type { Db } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";
import { listBillingRecipients } from "./list-billing-recipients";
import { queueEmail } from "./queue-email";
import { planChangeEmail } from "./templates/plan-change";

/** The part of a local subscription whose change the workspace hears about. */
export type PlanState = { workspaceId: string; packageId: string; status: SubscriptionStatus; cancelAtPeriodEnd: boolean; isCollectionPaused: boolean };

const LIVE: ReadonlySet<SubscriptionStatus> = new Set(["ACTIVE", "TRIALING", "PAST_DUE"]);

/** One sentence for what changed between two states of a subscription, or null when nothing a customer would care about did. */
export function describePlanChange(before: PlanState | null, after: PlanState, planName: string): string | null {
  const wasLive = before !== null && LIVE.has(before.status);
  const isLive = LIVE.has(after.status);
  if (!wasLive && isLive) return `Your subscription to the ${planName} plan has started.`;
  if (before === null) return null;
  if (wasLive && !isLive) return after.status === "PAUSED" ? `Your ${planName} plan is paused.` : `Your ${planName} plan has ended.`;
  if (!isLive) return null;
  if (before.packageId !== after.packageId) return `Your plan is now ${planName}.`;
  if (!before.cancelAtPeriodEnd && after.cancelAtPeriodEnd) return `Your ${planName} plan will end at the close of the current period.`;
  if (before.cancelAtPeriodEnd && !after.cancelAtPeriodEnd) return `Your ${planName} plan will renew: the cancellation was withdrawn.`;
  if (!before.isCollectionPaused && after.isCollectionPaused) return `Payments for your ${planName} plan are paused.`;
  if (before.isCollectionPaused && !after.isCollectionPaused) return `Payments for your ${planName} plan have resumed.`;
  return null;
}

/**
 * Queues a plan-change message to the workspace's owners and admins when the subscription changed
 * in a way they would care about. Call it in the transaction that applied the change, with the
 * state it replaced (null for a new subscription).
 */
export async function queuePlanChangeEmails(tx: Db, before: PlanState | null, after: PlanState): Promise<void> {
  const plan = await tx.creditPackage.findUnique({ where: { id: after.packageId }, select: { name: true } });
  const summary = describePlanChange(before, after, plan?.name ?? "current");
  if (!summary) return;
  const { workspaceName, emails } = await listBillingRecipients(tx, after.workspaceId);
  for (const to of emails) {
    await queueEmail(tx, planChangeEmail({ to, workspaceId: after.workspaceId, workspaceName, summary, billingUrl: appUrl("/billing"), settingsUrl: appUrl("/settings") }));
  }
}
