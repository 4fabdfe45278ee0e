import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits } from "@/services/credits/expire-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { removeCredits } from "@/services/credits/remove-credits";
import { reverseEntry } from "@/services/credits/reverse-entry";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { seededRandom, type Random } from "../helpers/random";
import { createFundedAccount, createService } from "../fixtures/credits";

const BATCHES = 100;
const BATCH_SIZE = 20;
const EXPECTED_REFUSALS = new Set(["insufficient_credits", "wallet_paused", "conflict", "idempotency_mismatch"]);

describeEachEngine("a random mix of credit operations", ({ prisma }) => {
  it(`keeps every invariant through ${BATCHES * BATCH_SIZE} operations, ${BATCH_SIZE} at a time`, async () => {
    const random = seededRandom("random mix");
    const workspaces = await Promise.all(Array.from({ length: 4 }, () => createFundedAccount(prisma(), 0).then((a) => a.workspace.id)));
    const service = await createService(prisma(), { unitCostCredits: 3 });
    let time = Date.UTC(2026, 0, 1);
    const clock = { now: () => new Date(time) };
    const entries = new Map<string, { id: string; amount: number }[]>(workspaces.map((id) => [id, []]));
    // Consume keys of finished batches, for retries (a retry within the same batch would race
    // its original, and the loser is rightly refused, which the bookkeeping below cannot tell).
    const usedKeys: { workspaceId: string; key: string; quantity: number }[] = [];
    const batchKeys: typeof usedKeys = [];
    const actor = { type: "SYSTEM" as const };

    function operation(r: Random): { key: string | null; run: () => Promise<unknown> } {
      const workspaceId = r.pick(workspaces);
      const key = randomUUID();
      const remember = (result: { entryId: string; amount: number }) => (entries.get(workspaceId)!.push({ id: result.entryId, amount: result.amount }), result);
      switch (r.int(0, 9)) {
        case 0:
        case 1: {
          const expires = r.next() < 0.5;
          return { key, run: () => grantCredits(prisma(), { workspaceId, type: expires ? "SUBSCRIPTION_GRANT" : "PURCHASE", credits: r.int(1, 400), expiresAt: expires ? new Date(time + r.int(1, 90) * 60_000) : null, idempotencyKey: key, actor }, clock).then(remember) };
        }
        case 2:
        case 3:
        case 4: {
          const quantity = r.int(1, 40);
          batchKeys.push({ workspaceId, key, quantity });
          return { key, run: () => consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity, idempotencyKey: key, actor }, clock).then(remember) };
        }
        case 5:
          return { key, run: () => removeCredits(prisma(), { workspaceId, type: "ADMIN_ADJUSTMENT", credits: r.int(1, 150), reason: "test", idempotencyKey: key, actor }, clock).then(remember) };
        case 6: {
          const candidates = entries.get(workspaceId)!;
          if (!candidates.length) return { key: null, run: () => expireCredits(prisma(), clock) };
          const target = r.pick(candidates);
          const type = target.amount > 0 ? "PAYMENT_REFUND_CLAWBACK" : "DISPUTE_REFUND";
          return { key, run: () => reverseEntry(prisma(), { workspaceId, entryId: target.id, credits: r.next() < 0.5 ? undefined : r.int(1, 20), type, reason: "test", idempotencyKey: key, actor }, clock).then(remember) };
        }
        case 7:
          return { key: null, run: () => expireCredits(prisma(), clock) };
        case 8:
          return { key: null, run: () => setWalletStatus(prisma(), { workspaceId, paused: r.next() < 0.3, actor }, clock) };
        default: {
          // A retry of an earlier consume: same parameters replay, different ones are refused.
          const earlier = usedKeys.length ? r.pick(usedKeys) : null;
          if (!earlier) return { key: null, run: () => expireCredits(prisma(), clock) };
          const quantity = r.next() < 0.5 ? earlier.quantity : earlier.quantity + 1;
          return { key: null, run: () => consumeCredits(prisma(), { workspaceId: earlier.workspaceId, serviceKey: service.key, quantity, idempotencyKey: earlier.key, actor }, clock) };
        }
      }
    }

    let refused = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      const ops = Array.from({ length: BATCH_SIZE }, () => operation(random));
      const results = await Promise.allSettled(ops.map((op) => op.run()));
      for (const [index, result] of results.entries()) {
        if (result.status === "fulfilled") continue;
        const error = result.reason;
        expect(error instanceof DomainError && EXPECTED_REFUSALS.has(error.code), `unexpected failure: ${error}`).toBe(true);
        refused++;
        const key = ops[index]!.key;
        if (key) expect(await prisma().ledgerEntry.count({ where: { idempotencyKey: key } }), "a refusal wrote an entry").toBe(0);
      }
      await expectLedgerInvariants(prisma());
      usedKeys.push(...batchKeys.splice(0));
      time += 10 * 60_000;
    }
    expect(refused).toBeGreaterThan(0);
    expect(await prisma().ledgerEntry.count({ where: { type: "EXPIRY" } })).toBeGreaterThan(0);
  });
});
