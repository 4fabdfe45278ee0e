// (h) Holds: a reserve and its settlement, back to back, as a job would make them, over the spread
// wallets through the services (no HTTP). Pairs per second, latency per pair: one row calling the
// single-hold functions, one through group commit (as POST /api/v1/holds and …/settle do).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createHoldGroups } from "@/services/holds/hold-groups";
import type { HoldResult } from "@/services/holds/hold-write";
import { reserveHold, type ReserveHoldInput } from "@/services/holds/reserve-hold";
import { settleHold, type SettleHoldInput } from "@/services/holds/settle-hold";
import { describeCpu, measureCpu } from "./cpu";
import { runLoad, type Measurement } from "./stats";

type Options = { url: string; clients: number; seconds: number; warmupSeconds: number };
type Pairs = { measurement: Measurement; note: string | null };

async function measurePairs(
  name: string,
  workspaceIds: string[],
  options: Options,
  reserve: (input: ReserveHoldInput) => Promise<HoldResult>,
  settle: (input: SettleHoldInput) => Promise<HoldResult>,
): Promise<Pairs> {
  const actor = { type: "API_KEY" as const };
  const pair = async () => {
    const workspaceId = workspaceIds[Math.floor(Math.random() * workspaceIds.length)]!;
    const hold = await reserve({ workspaceId, serviceKey: "bench.call", quantity: 3, ttlSeconds: 600, idempotencyKey: randomUUID(), actor });
    await settle({ workspaceId, holdId: hold.id, quantity: 2, idempotencyKey: randomUUID(), actor });
  };
  await runLoad(`${name} (warm-up)`, options.clients, options.warmupSeconds, pair);
  const { result, cpu } = await measureCpu(options.url, () => runLoad(name, options.clients, options.seconds, pair));
  return { measurement: result, note: cpu && describeCpu(name.slice(0, name.indexOf(")") + 1), cpu, result.ops) };
}

/** The (h) and (h2) rows, and where each one's CPU went (per pair), when that can be read. */
export async function measureHolds(prisma: PrismaClient, workspaceIds: string[], options: Options): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const wallets = `${workspaceIds.length.toLocaleString()} wallets (pairs/s; p per pair)`;
  const single = await measurePairs(`(h) reserve + settle pairs, ${wallets}`, workspaceIds, options,
    (input) => reserveHold(prisma, input),
    (input) => settleHold(prisma, input),
  );
  const groups = createHoldGroups(prisma);
  const grouped = await measurePairs(`(h2) reserve + settle pairs through group commit, ${wallets}`, workspaceIds, options,
    (input) => groups.reserve.submit(input),
    (input) => groups.settle.submit(input),
  );
  return { measurements: [single.measurement, grouped.measurement], notes: [single.note, grouped.note].filter((note) => note !== null) };
}
