import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { BalanceResponse } from "@/types/usage";
import { getCreditPosition } from "./get-credit-position";

/**
 * The wallet's balance, what active holds reserve, what is spendable now and its status: the
 * usage API's view of getCreditPosition, so "available" has one definition.
 */
export async function getBalance(db: Db, workspaceId: string, clock: Clock = systemClock): Promise<BalanceResponse> {
  const { balance, held, spendable, status } = await getCreditPosition(db, workspaceId, clock);
  return { balance, held, available: spendable, status };
}
