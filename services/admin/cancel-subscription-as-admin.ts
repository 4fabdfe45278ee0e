import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { changeSubscription } from "../billing/change-subscription";
import { findCurrentSubscription } from "../billing/find-current-subscription";
import { claimOnce } from "../idempotency/run-once";

export type CancelSubscriptionAsAdminInput = { workspaceId: string; adminId: string; atPeriodEnd: boolean; idempotencyKey: string };

/**
 * An admin cancels the workspace's plan at Stripe, now or at the end of the paid period, audited
 * as the admin (changeSubscription). A retry under the same key changes nothing and returns the
 * plan as it is. The key is claimed in the transaction that records the change, so a failed Stripe
 * call releases it. Returns the live plan (null once canceled now). Throws not_found without one.
 */
export async function cancelSubscriptionAsAdmin(db: Db, stripe: Stripe, input: CancelSubscriptionAsAdminInput) {
  return inTransaction(db, async (tx) => {
    const request = { op: "cancel-subscription", workspaceId: input.workspaceId, atPeriodEnd: input.atPeriodEnd };
    const isFirst = await claimOnce(tx, { scope: `admin:${input.adminId}`, key: input.idempotencyKey, request });
    if (!isFirst) return findCurrentSubscription(tx, input.workspaceId);
    if (!(await findCurrentSubscription(tx, input.workspaceId))) throw notFound("Plan");
    return changeSubscription(tx, stripe, { workspaceId: input.workspaceId, actorId: input.adminId, actorType: "ADMIN", change: { action: "cancel", atPeriodEnd: input.atPeriodEnd } });
  });
}
