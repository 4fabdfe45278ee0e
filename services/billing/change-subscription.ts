import "server-only";
import type Stripe from "stripe";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { requestHash as fingerprint } from "@/lib/request-hash";
import { stripeIdempotencyKey } from "@/lib/stripe/client";
import type { SubscriptionChange } from "@/types/billing";
import { recordAudit } from "../audit/record-audit";
import { findIdempotencyRecord } from "../idempotency/find-idempotency-record";
import { findCurrentSubscription } from "./find-current-subscription";
import { planSwitchTerms, type CurrentPlan } from "./plan-switch-terms";
import { syncSubscription, timedRead, type SubscriptionRead } from "./sync-subscription";

type ChangeInput = {
  workspaceId: string;
  actorId: string;
  /** An admin acting on a customer's plan is audited as ADMIN. */
  actorType?: "USER" | "ADMIN";
  change: SubscriptionChange;
  /** The caller's Idempotency-Key: a repeat with the same key changes nothing more and is audited once. */
  idempotencyKey?: string;
};

/**
 * Changes the workspace's plan at Stripe (cancel now or at period end, resume, pause collection,
 * switch to another plan: planSwitchTerms), then brings the local copy up to date from Stripe's
 * answer without waiting for the webhook, audited. Returns the plan as it now is (null once canceled).
 *
 * Idempotent: with the caller's key, the Stripe request carries it (Stripe replays its first
 * answer) and the key is recorded with the audit row, so a retried or doubled request is audited
 * once; the same key with a different change is `idempotency_mismatch`. Without one (internal
 * callers), the Stripe key names the change and the subscription's last known version, so a double
 * call sends it once while a later, deliberate repeat (cancel, resume, cancel again) is new.
 * Throws `not_found` without a live plan, `conflict` for a switch to the current plan.
 */
export async function changeSubscription(db: Db, stripe: Stripe, input: ChangeInput) {
  const scope = `workspace:${input.workspaceId}`;
  const requestHash = fingerprint(input.change);
  if (input.idempotencyKey) {
    if (await findIdempotencyRecord(db, { scope, key: input.idempotencyKey, requestHash })) return findCurrentSubscription(db, input.workspaceId);
  }
  const current = await findCurrentSubscription(db, input.workspaceId);
  if (!current) throw notFound("Plan");
  const version = input.idempotencyKey ?? current.stripeVersionAt?.getTime() ?? 0;
  const key = (action: string) => stripeIdempotencyKey(`subscription-${action}`, current.stripeSubscriptionId, version);
  const change = input.change;
  let updated: SubscriptionRead;
  if (change.action === "cancel" && !change.atPeriodEnd) {
    updated = await timedRead(() => stripe.subscriptions.cancel(current.stripeSubscriptionId, {}, { idempotencyKey: key("cancel-now") }));
  } else if (change.action === "switch_plan") {
    updated = await switchPlan(db, stripe, current, change, key("switch"));
  } else {
    // Resume undoes both: a cancellation at period end and paused collection.
    const params: Stripe.SubscriptionUpdateParams =
      change.action === "cancel" ? { cancel_at_period_end: true } : change.action === "pause" ? { pause_collection: { behavior: "void" } } : { cancel_at_period_end: false, pause_collection: "" };
    updated = await timedRead(() => stripe.subscriptions.update(current.stripeSubscriptionId, params, { idempotencyKey: key(change.action) }));
  }
  return inTransaction(db, async (tx) => {
    const synced = await syncSubscription(tx, updated);
    const after = await findCurrentSubscription(tx, input.workspaceId);
    if (input.idempotencyKey) {
      // A concurrent twin got here first: Stripe answered both alike, so only the audit is skipped.
      const { count } = await tx.idempotencyRecord.createMany({
        data: [{ scope, key: input.idempotencyKey, requestHash, responseStatus: 200, responseBody: { subscriptionId: current.id, action: change.action } }],
        skipDuplicates: true,
      });
      if (count === 0) return after;
    }
    await recordAudit(tx, {
      actor: { type: input.actorType ?? "USER", id: input.actorId },
      action: `subscription.${change.action}`,
      target: { type: "subscription", id: current.id },
      workspaceId: input.workspaceId,
      before: { status: current.status, cancelAtPeriodEnd: current.cancelAtPeriodEnd, isCollectionPaused: current.isCollectionPaused, plan: current.plan.id },
      after: { ...change, status: synced?.status ?? null, cancelAtPeriodEnd: synced?.cancelAtPeriodEnd ?? null, isCollectionPaused: synced?.isCollectionPaused ?? null },
    });
    return after;
  });
}

/**
 * Sends the switch as planSwitchTerms says. With the confirmed preview's `prorationDate` the
 * upgrade is billed exactly what the preview showed. The date is the client's, but choosing it
 * gains nothing: the charge and the credits it grants are both the same share of the period, and
 * Stripe refuses a date outside the current period.
 */
async function switchPlan(db: Db, stripe: Stripe, current: CurrentPlan, change: { packageId: string; prorationDate?: number }, idempotencyKey: string) {
  const terms = await planSwitchTerms(db, stripe, current, change.packageId);
  return timedRead(() =>
    stripe.subscriptions.update(
      current.stripeSubscriptionId,
      {
        items: [terms.item],
        proration_behavior: terms.prorationBehavior,
        ...(terms.isUpgrade && change.prorationDate ? { proration_date: change.prorationDate } : {}),
        metadata: terms.metadata,
      },
      { idempotencyKey },
    ),
  );
}
