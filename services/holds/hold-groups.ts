import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { createGroupCommit, perDatabaseClient, type GroupCommit } from "@/lib/jobs/group-commit";
import type { HoldResult } from "./hold-write";
import { reserveEach, reserveHold, type ReserveHoldInput } from "./reserve-hold";
import { settleEach, settleHold, type SettleHoldInput } from "./settle-hold";

// One commit in flight per group: measured at 16 clients doing reserve + settle pairs over 10,000
// wallets, one gave batches of ~10 and the least CPU per pair, in the database (~340 µs against
// ~470-580 µs with two or three in flight) and in Node, and the most pairs per second. The two
// groups still pipeline against each other: a wallet's reserve batch and settle batch can both be
// in flight, the second waiting on the wallet's lock in the database.
const MAX_IN_FLIGHT = 1;
const WALLET_DEPTH = 1;
const MAX_BATCH = 500;

export type HoldGroups = {
  reserve: GroupCommit<ReserveHoldInput, HoldResult>;
  settle: GroupCommit<SettleHoldInput, HoldResult>;
};

/**
 * Reserves and settlements through group commit (lib/jobs/group-commit.ts): concurrent ones are
 * committed together (reserveEach, settleEach), each still answered exactly as reserveHold or
 * settleHold would have answered it alone, refusals included; on a quiet system each goes
 * straight to the single call. A wallet is a lane. A reserve's key, and a settlement's hold, is
 * committed once per batch (a later one waits for the next). Correct across processes: the
 * database's wallet locks, not this process, decide every outcome.
 */
export function createHoldGroups(
  db: Db,
  { clock = systemClock, maxInFlight = MAX_IN_FLIGHT, walletDepth = WALLET_DEPTH }: { clock?: Clock; maxInFlight?: number; walletDepth?: number } = {},
): HoldGroups {
  const byWallet = { maxInFlight, maxBatch: MAX_BATCH, laneDepth: walletDepth, lane: (input: { workspaceId: string }) => input.workspaceId };
  return {
    reserve: createGroupCommit<ReserveHoldInput, HoldResult>({
      ...byWallet,
      identity: (input) => `${input.workspaceId} ${input.idempotencyKey}`,
      commitOne: (input) => reserveHold(db, input, clock),
      commitMany: (inputs) => reserveEach(db, inputs, clock),
    }),
    settle: createGroupCommit<SettleHoldInput, HoldResult>({
      ...byWallet,
      identity: (input) => input.holdId,
      commitOne: (input) => settleHold(db, input, clock),
      commitMany: (inputs) => settleEach(db, inputs, clock),
    }),
  };
}

/** The process's hold groups for `db`. */
export const holdGroups = perDatabaseClient((db: Db) => createHoldGroups(db));
