import "server-only";
import { systemClock } from "@/lib/clock";
import { inTransaction, type Db } from "@/lib/db";
import type { PlatformRole } from "@/lib/generated/prisma/client";
import { disputeView, type DisputeView } from "@/types/disputes";
import { disputeSettings, type DisputeSettings } from "./dispute-settings";
import { loadDispute, lockDispute, toDisputeView, toJson, type DisputeOptions, type DisputeRow } from "./dispute-view";
import { idempotent } from "./idempotent";

export type AdminCaller = { adminId: string; role: PlatformRole; idempotencyKey: string };

export type TransitionStep = (tx: Db, dispute: DisputeRow, ctx: { now: Date; settings: DisputeSettings }) => Promise<void>;

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
    const { value, replayed } = await idempotent(tx, { scope: `user:${caller.adminId}`, key: `dispute.${name}:${caller.idempotencyKey}`, request: { ...request, disputeId } }, async () => {
      const now = clock.now();
      await step(tx, await lockDispute(tx, disputeId), { now, settings });
      return toJson(toDisputeView(await loadDispute(tx, disputeId), settings, now));
    });
    return { dispute: disputeView.parse(value), replayed };
  });
}
