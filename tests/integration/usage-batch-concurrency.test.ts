// Concurrent batches: never an overdraft, every event applied once however often a batch is sent,
// and no deadlock when batches name the same wallets in opposite orders.
import { randomUUID } from "node:crypto";
import { expect, it, vi } from "vitest";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeEachEngine } from "../helpers/engines";
import { callRoute, type CallResult } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { seededRandom } from "../helpers/random";
import { createFundedAccount, createPlatformApiKey, createService } from "../fixtures/credits";

type Result = { id: string; status: string; entry?: { entryId: string; balance: number }; problem?: { code: string } };
const resultsOf = (response: CallResult): Result[] => {
  expect(response.status, response.text).toBe(200);
  return response.body.results;
};

describeEachEngine("concurrent usage batches", ({ engine, prisma }) => {
  it("let exactly 10 of 50 events through a balance of 10a, spread over 5 concurrent batches, 10 rounds", async () => {
    const random = seededRandom("batch overdraft race");
    for (let round = 0; round < 10; round++) {
      const a = random.int(1, 50);
      const account = await createFundedAccount(prisma(), 10 * a);
      const service = await createService(prisma(), { unitCostCredits: a });
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          callRoute(batch, { apiKey: account.apiKey, body: { events: Array.from({ length: 10 }, () => ({ id: randomUUID(), service: service.key, quantity: 1 })) } }),
        ),
      );
      const results = responses.flatMap(resultsOf);
      const applied = results.filter((r) => r.status === "applied");
      expect(applied, `round ${round}, a=${a}`).toHaveLength(10);
      expect(results.filter((r) => r.status === "rejected").every((r) => r.problem?.code === "insufficient_credits")).toBe(true);
      expect(applied.map((r) => r.entry!.balance).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i * a));
      expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } })).balance).toBe(0);
    }
    await expectLedgerInvariants(prisma());
  });

  it("applies each event of a batch sent 5 times at once exactly once; the others replay the first answer", async () => {
    const account = await createFundedAccount(prisma(), 1000);
    const service = await createService(prisma(), { unitCostCredits: 3 });
    const events = Array.from({ length: 40 }, (_, i) => ({ id: randomUUID(), service: service.key, quantity: (i % 7) + 1 }));
    const responses = (await Promise.all(Array.from({ length: 5 }, () => callRoute(batch, { apiKey: account.apiKey, body: { events } })))).map(resultsOf);
    events.forEach((event, index) => {
      const answers = responses.map((results) => results[index]!);
      expect(answers.filter((a) => a.status === "applied"), event.id).toHaveLength(1);
      expect(answers.filter((a) => a.status === "replayed")).toHaveLength(4);
      expect(new Set(answers.map((a) => JSON.stringify(a.entry))).size).toBe(1);
      expect(answers.every((a) => a.id === event.id)).toBe(true);
    });
    const spent = events.reduce((sum, e) => sum + e.quantity * 3, 0);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } })).balance).toBe(1000 - spent);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: account.workspace.id, type: "USAGE" } })).toBe(40);
    await expectLedgerInvariants(prisma());
  });

  it("completes many concurrent batches over overlapping wallets in opposite orders, invariants holding", { timeout: 120_000 }, async () => {
    const outcome = await opposingBatches(prisma(), { batches: 16, wallets: 8, eventsPerWallet: 5 });
    expect(outcome.statuses).toEqual(Array(16).fill(200));
    // Each wallet holds 100 and gets 16 × 5 events of 1 credit: all 80 apply.
    expect(outcome.applied).toBe(16 * 8 * 5);
    await expectLedgerInvariants(prisma());
  });

  // The test above must be able to fail: with the lock order taken away, the same load deadlocks.
  // PostgreSQL only (PGlite runs one statement at a time, so nothing can interleave there).
  if (engine === "postgres") {
    it("deadlocks once the global lock order is taken away (so the test above has teeth)", { timeout: 120_000 }, async () => {
      const [{ definition }] = await prisma().$queryRawUnsafe<[{ definition: string }]>("SELECT pg_get_functiondef('credits_consume_batch'::regproc) AS definition");
      // Wallets locked in the order the request names them, instead of by id.
      const unordered = definition.replace("ORDER BY w.id FOR UPDATE", "ORDER BY array_position(p_workspace_ids, w.workspace_id) FOR UPDATE");
      expect(unordered).not.toBe(definition);
      await prisma().$executeRawUnsafe(unordered);
      // Each deadlock victim is logged as an unhandled error (a 500); expected here.
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        let deadlocked = false;
        for (let round = 0; round < 5 && !deadlocked; round++) {
          deadlocked = (await opposingBatches(prisma(), { batches: 16, wallets: 8, eventsPerWallet: 5 })).statuses.includes(500);
        }
        expect(deadlocked).toBe(true);
      } finally {
        logged.mockRestore();
        await prisma().$executeRawUnsafe(definition);
      }
      await expectLedgerInvariants(prisma());
    });
  }
});

/**
 * `batches` platform-key batches at once over the same `wallets` wallets: even batches name them
 * in ascending order, odd ones descending, `eventsPerWallet` events each, interleaved round-robin.
 */
async function opposingBatches(prisma: PrismaClient, options: { batches: number; wallets: number; eventsPerWallet: number }) {
  const platform = await createPlatformApiKey(prisma);
  const service = await createService(prisma, { unitCostCredits: 1 });
  const workspaces: string[] = [];
  for (let i = 0; i < options.wallets; i++) workspaces.push((await createFundedAccount(prisma, 100)).workspace.id);
  const responses = await Promise.all(
    Array.from({ length: options.batches }, (_, b) => {
      const order = b % 2 === 0 ? workspaces : [...workspaces].reverse();
      const events = Array.from({ length: options.eventsPerWallet }, () => order.map((workspaceId) => ({ id: randomUUID(), service: service.key, quantity: 1, workspaceId }))).flat();
      return callRoute(batch, { apiKey: platform.apiKey, body: { events } });
    }),
  );
  const applied = responses.flatMap((r) => (r.status === 200 ? (r.body.results as Result[]) : [])).filter((r) => r.status === "applied").length;
  return { statuses: responses.map((r) => r.status), applied };
}
