// The reference-model fuzz with every consume sent through POST /api/v1/usage/batch, several
// events at a time over three wallets (retries among them): each event's answer, and the
// wallets and lots after each batch, must be what the model says of the events applied in order.
import { expect, it, vi } from "vitest";
import { POST as batch } from "@/app/api/v1/usage/batch/route";
import { systemClock, type Clock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { UsageBatchResult } from "@/types/usage";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { runReferenceFuzz, type ConsumeEvent } from "../helpers/ledger-fuzz";
import { createPlatformApiKey } from "../fixtures/credits";

const OPERATIONS = Number(process.env.MODEL_OPERATIONS ?? 2_400);
const FUZZ_TIMEOUT_MS = 300_000;

/** The fuzz's consumes, sent through the batch endpoint with a platform key naming each wallet. */
async function batchDriver(prisma: PrismaClient) {
  const { apiKey } = await createPlatformApiKey(prisma);
  return async (events: ConsumeEvent[], clock: Clock) => {
    const body = {
      events: events.map((e) => ({ id: e.idempotencyKey, workspaceId: e.workspaceId, service: e.serviceKey, quantity: e.quantity, description: e.description })),
    };
    // The endpoint reads the system clock; the fuzz moves time, so the clock follows it for this call.
    const now = vi.spyOn(systemClock, "now").mockImplementation(() => clock.now());
    const response = await callRoute(batch, { apiKey, body }).finally(() => now.mockRestore());
    expect(response.status, response.text).toBe(200);
    return (response.body.results as UsageBatchResult[]).map((result) =>
      result.status === "rejected" ? new DomainError(result.problem.code, result.problem.detail) : { ...result.entry, replayed: result.status === "replayed" },
    );
  };
}

describeEachEngine("the batch endpoint against the ledger's reference model", ({ prisma }) => {
  it(`agrees on every event, balance and lot through ${OPERATIONS} random operations`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const consumeBatch = await batchDriver(prisma());
    await runReferenceFuzz(prisma, { operations: OPERATIONS, label: "reference model through the batch endpoint", consumeBatch });
  });
});

// Proof the comparison has teeth for batches: a batch function that applies one wallet's events
// in reverse request order keeps every self-consistency invariant, and must still be caught.
describeEachEngine("a batch function that applies a wallet's events in reverse request order", ({ prisma }) => {
  it("is caught by the reference model", { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const [{ definition }] = await prisma().$queryRawUnsafe<[{ definition: string }]>("SELECT pg_get_functiondef('credits_consume_batch'::regproc) AS definition");
    const reversed = definition.replace("ORDER BY w.id NULLS LAST, t.n", "ORDER BY w.id NULLS LAST, t.n DESC");
    expect(reversed).not.toBe(definition);
    await prisma().$executeRawUnsafe(reversed);
    const consumeBatch = await batchDriver(prisma());
    await expect(runReferenceFuzz(prisma, { operations: 1_500, label: "mutant: reverse batch order", consumeBatch })).rejects.toThrow(/→ consume/);
  });
});
