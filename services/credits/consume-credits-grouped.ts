import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { createGroupCommit, perDatabaseClient, type GroupCommit } from "@/lib/jobs/group-commit";
import { consumeCredits, consumeEach, type ConsumeCreditsInput, type ConsumeResult } from "./consume-credits";

// Measured at 16 clients: fewer, larger commits win across wallets too (the process's CPU, not
// PostgreSQL, is the limit there), but a second one in flight keeps spends moving when one commit
// waits on a wallet another transaction holds. A hot wallet may have both: the second waits on
// the wallet's lock in the database and starts the moment the first commits, with no round trip
// in between (the rest of its requests queue here).
const MAX_IN_FLIGHT = 2;
const WALLET_DEPTH = 2;
// The usage batch endpoint's own limit: a statement this size was measured at about 9 ms.
const MAX_BATCH = 500;

/** How spends are grouped: a wallet's wait behind its commit in flight; a key is spent once per commit. */
export const SPEND_GROUPING = {
  lane: (input: ConsumeCreditsInput) => input.workspaceId,
  identity: (input: ConsumeCreditsInput) => `${input.workspaceId} ${input.idempotencyKey}`,
};

export type ConsumeGroup = GroupCommit<ConsumeCreditsInput, ConsumeResult>;

/**
 * Spends through group commit: concurrent spends are committed together (consumeEach), each still
 * answered exactly as consumeCredits would have answered it alone, refusals included; a spend on
 * a quiet system goes straight to consumeCredits. Correct across processes: the database's wallet
 * locks, not this process, decide every outcome.
 */
export function createConsumeGroup(
  db: Db,
  { clock = systemClock, maxInFlight = MAX_IN_FLIGHT, walletDepth = WALLET_DEPTH }: { clock?: Clock; maxInFlight?: number; walletDepth?: number } = {},
): ConsumeGroup {
  return createGroupCommit<ConsumeCreditsInput, ConsumeResult>({
    maxInFlight,
    maxBatch: MAX_BATCH,
    laneDepth: walletDepth,
    ...SPEND_GROUPING,
    commitOne: (input) => consumeCredits(db, input, clock),
    commitMany: (inputs) => consumeEach(db, inputs, clock),
  });
}

/** The process's group commit for `db`. */
export const consumeGroup = perDatabaseClient((db: Db) => createConsumeGroup(db));
