import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { UsageCheckBody, UsageCheckResponse } from "@/types/usage";
import { getBalance } from "./get-balance";

/**
 * Would consuming `quantity` of `service` succeed now? Writes nothing and takes no lock, so the
 * answer can change before a later consume; only `consumeCredits` decides.
 * Throws `validation_failed` for an unknown service.
 */
export async function checkUsage(db: Db, workspaceId: string, body: UsageCheckBody, clock: Clock = systemClock): Promise<UsageCheckResponse> {
  const service = await db.service.findFirst({ where: { key: body.service, isActive: true }, select: { unitCostCredits: true } });
  if (!service) throw new DomainError("validation_failed", "Unknown or inactive service", { fieldErrors: { service: ["Unknown or inactive service"] } });
  const wallet = await getBalance(db, workspaceId, clock);
  const cost = service.unitCostCredits * body.quantity;
  const reason = wallet.status === "PAUSED" ? "wallet_paused" : wallet.available < cost ? "insufficient_credits" : null;
  return { allowed: reason === null, reason, cost, balance: wallet.balance, available: wallet.available };
}
