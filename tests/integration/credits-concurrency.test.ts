import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { consumeCredits } from "@/services/credits/consume-credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { seededRandom } from "../helpers/random";
import { createFundedAccount, createService } from "../fixtures/credits";

describeEachEngine("consuming credits concurrently", ({ prisma }) => {
  it("lets exactly 10 of 50 parallel consumes of a through a balance of 10a, 20 rounds", async () => {
    const random = seededRandom("50 parallel consumes");
    for (let round = 0; round < 20; round++) {
      const a = random.int(1, 50);
      const account = await createFundedAccount(prisma(), 10 * a);
      const service = await createService(prisma(), { unitCostCredits: a });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          consumeCredits(prisma(), {
            workspaceId: account.workspace.id,
            serviceKey: service.key,
            quantity: 1,
            idempotencyKey: randomUUID(),
            actor: { type: "API_KEY" },
          }),
        ),
      );
      const succeeded = results.filter((r) => r.status === "fulfilled");
      const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
      expect(succeeded, `round ${round}, a=${a}`).toHaveLength(10);
      expect(refusals.every((e) => e instanceof DomainError && e.code === "insufficient_credits")).toBe(true);
      const wallet = await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: account.workspace.id } });
      expect(wallet.balance).toBe(0);
      // Every successful consume saw a distinct balance on the way down: 9a, 8a, …, 0.
      const after = succeeded.map((r) => (r.status === "fulfilled" ? r.value.balance : -1)).sort((x, y) => x - y);
      expect(after).toEqual(Array.from({ length: 10 }, (_, i) => i * a));
    }
    await expectLedgerInvariants(prisma());
  });
});
