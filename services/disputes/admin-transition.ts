import "server-only";
import { systemClock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import type { PlatformRole } from "@/lib/generated/prisma/client";
import { disputeView, type DisputeView } from "@/types/disputes";
import { disputeSettings, type DisputeSettings } from "./dispute-settings";
import { lockDispute, toDisputeView, toJson, type DisputeOptions, type DisputeRow, type LockedDispute } from "./dispute-view";
import { runOnce } from "../idempotency/run-once";

export type AdminCaller = { adminId: string; role: PlatformRole; idempotencyKey: string };

/** Checks the locked dispute's state and writes the transition; returns the dispute as it now stands. */
export type TransitionStep = (tx: Db, dispute: LockedDispute, ctx: { now: Date; settings: DisputeSettings }) => Promise<DisputeRow>;

/**
 * The frame every admin decision shares: one transaction, the Idempotency-Key claimed first (a
 * retry returns the first answer), the dispute row locked, then `step` checks the state and writes.
 */
export async function runAdminTransition(
  db: Db,
  disputeId: string,
  caller: AdminCaller,
  name: string,
  request: Record<string, unknown>,
  step: TransitionStep,
  options: DisputeOptions = {},
): Promise<{ dispute: DisputeView; replayed: boolean }> {
  const clock = options.clock ?? systemClock;
  const settings = options.settings ?? disputeSettings();
  return inTransaction(db, async (tx) => {
    const { value, replayed } = await runOnce(tx, { scope: `user:${caller.adminId}`, key: `dispute.${name}:${caller.idempotencyKey}`, request: { ...request, disputeId } }, async () => {
      const now = clock.now();
      const decided = await step(tx, await lockDispute(tx, disputeId), { now, settings });
      return toJson(toDisputeView(decided, settings, now));
    });
    return { dispute: disputeView.parse(value), replayed };
  });
}
