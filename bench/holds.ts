// (h) Holds: a reserve and its settlement, back to back, as a job would make them, over the spread
// wallets through the services (no HTTP). Pairs per second, latency per pair.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { reserveHold } from "@/services/holds/reserve-hold";
import { settleHold } from "@/services/holds/settle-hold";
import { runLoad, type Measurement } from "./stats";

export async function measureHolds(prisma: PrismaClient, workspaceIds: string[], options: { clients: number; seconds: number; warmupSeconds: number }): Promise<Measurement> {
  const actor = { type: "API_KEY" as const };
  const pair = async () => {
    const workspaceId = workspaceIds[Math.floor(Math.random() * workspaceIds.length)]!;
    const hold = await reserveHold(prisma, { workspaceId, serviceKey: "bench.call", quantity: 3, ttlSeconds: 600, idempotencyKey: randomUUID(), actor });
    await settleHold(prisma, { workspaceId, holdId: hold.id, quantity: 2, idempotencyKey: randomUUID(), actor });
  };
  const name = `(h) reserve + settle pairs, ${workspaceIds.length.toLocaleString()} wallets (pairs/s; p per pair)`;
  await runLoad(`${name} (warm-up)`, options.clients, options.warmupSeconds, pair);
  return runLoad(name, options.clients, options.seconds, pair);
}
