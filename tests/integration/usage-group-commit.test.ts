// Group commit on real engines: concurrent spends committed together must each get exactly the
// answer they would have got alone (the reference model decides), never overdraw, never spend a
// key twice, keep a failure to its own request, and stay correct across two app instances.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Clock } from "@/lib/clock";
import { createDbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { createGroupCommit } from "@/lib/jobs/group-commit";
import { consumeCredits, consumeEach, type ConsumeCreditsInput, type ConsumeResult } from "@/services/credits/consume-credits";
import { createConsumeGroup, SPEND_GROUPING } from "@/services/credits/consume-credits-grouped";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createFundedAccount, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { runReferenceFuzz, type ConsumeEvent } from "../helpers/ledger-fuzz";
import { databaseUrl } from "../helpers/postgres-admin";

const OPERATIONS = Number(process.env.MODEL_OPERATIONS ?? 1_200);
const FUZZ_TIMEOUT_MS = 300_000;

/** A group whose commits are counted, to show requests really were committed together. */
function countedGroup(prisma: PrismaClient) {
  const counts = { one: 0, many: 0 };
  const group = createGroupCommit<ConsumeCreditsInput, ConsumeResult>({
    maxInFlight: 4,
    maxBatch: 500,
    laneDepth: 2,
    ...SPEND_GROUPING,
    commitOne: (input) => (counts.one++, consumeCredits(prisma, input)),
    commitMany: (inputs) => (counts.many++, consumeEach(prisma, inputs)),
  });
  return { group, counts };
}

const spend = (workspaceId: string, serviceKey: string, extra: Partial<ConsumeCreditsInput> = {}): ConsumeCreditsInput => ({
  workspaceId,
  serviceKey,
  quantity: 10,
  idempotencyKey: `api:${randomUUID()}`,
  actor: { type: "API_KEY", id: "key" },
  ...extra,
});

const settle = <T>(promises: Promise<T>[]) => Promise.all(promises.map((p) => p.then((value) => ({ value }), (error: unknown) => ({ error }))));

describeEachEngine("group commit", ({ engine, prisma }) => {
  it(`agrees with the reference model on every spend, balance and lot through ${OPERATIONS} random operations`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // Each "batch" of the fuzz is submitted at once, so all but the first of a wallet's spends wait and share a commit.
    // One commit per wallet in flight: the model applies a wallet's spends in arrival order, and
    // with two pipelined the database may take the second's lock first (any order is correct for
    // concurrent requests, but the model needs one); the tests below run pipelined.
    const consumeBatch = async (events: ConsumeEvent[], clock: Clock) => {
      const group = createConsumeGroup(prisma(), { clock, walletDepth: 1 });
      const answers = await settle(events.map((event) => group.submit({ ...event, actor: { type: "API_KEY", id: "fuzz" } })));
      return answers.map((answer) => ("value" in answer ? answer.value : (answer.error as DomainError)));
    };
    await runReferenceFuzz(prisma, { operations: OPERATIONS, label: "reference model through group commit", consumeBatch });
  });

  it("never overdraws a hot wallet: 60 concurrent spends of 10 on 250 credits → 25 applied, in one balance sequence, 35 refused", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 250);
    const { group, counts } = countedGroup(prisma());
    const answers = await settle(Array.from({ length: 60 }, () => group.submit(spend(workspace.id, service.key))));
    const applied = answers.flatMap((answer) => ("value" in answer ? [answer.value] : []));
    const refused = answers.flatMap((answer) => ("error" in answer ? [(answer.error as DomainError).code] : []));
    expect(applied.map((entry) => entry.balance).sort((a, b) => b - a)).toEqual(Array.from({ length: 25 }, (_, i) => 240 - 10 * i));
    expect(refused).toEqual(Array(35).fill("insufficient_credits"));
    expect(counts.many).toBeGreaterThan(0);
    expect(counts.one + counts.many).toBeLessThan(60);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).balance).toBe(0);
    await expectLedgerInvariants(prisma());
  });

  it("spends a key once when the same request arrives 5× at once, and answers the others with the first answer", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 100);
    const { group } = countedGroup(prisma());
    const blocker = group.submit(spend(workspace.id, service.key));
    const request = spend(workspace.id, service.key);
    const answers = await Promise.all(Array.from({ length: 5 }, () => group.submit(request)));
    await blocker;
    expect(new Set(answers.map((answer) => answer.entryId)).size).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).balance).toBe(80);
  });

  it("keeps a failing statement to its own request: the others commit once, nothing half-written", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 1000);
    await prisma().$executeRawUnsafe(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description = 'boom' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await prisma().$executeRawUnsafe("CREATE TRIGGER boom BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION boom()");
    try {
      const { group, counts } = countedGroup(prisma());
      const blocker = group.submit(spend(workspace.id, service.key));
      const answers = await settle(["a", "boom", "b", "c"].map((description) => group.submit(spend(workspace.id, service.key, { description }))));
      await blocker;
      expect(counts.many).toBe(1);
      expect(answers.map((answer) => ("value" in answer ? "applied" : String(answer.error)))).toEqual(["applied", expect.stringMatching(/injected failure/), "applied", "applied"]);
    } finally {
      await prisma().$executeRawUnsafe("DROP TRIGGER boom ON ledger_entries");
      await prisma().$executeRawUnsafe("DROP FUNCTION boom()");
    }
    expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).balance).toBe(1000 - 40);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId: workspace.id, type: "USAGE" } })).toBe(4);
    await expectLedgerInvariants(prisma());
  });

  if (engine === "postgres") {
    it("keeps every invariant with two app instances (two pools, two groups) spending from the same wallets", async () => {
      const service = await createService(prisma());
      const wallets = await Promise.all([300, 500, 700].map((credits) => createFundedAccount(prisma(), credits)));
      const [{ name }] = await prisma().$queryRawUnsafe<[{ name: string }]>("SELECT current_database() AS name");
      const other = createDbClient({ kind: "postgres", url: databaseUrl(process.env.TEST_DATABASE_URL!, name), poolSize: 8 });
      try {
        const instances = [createConsumeGroup(prisma()), createConsumeGroup(other.prisma)];
        const submitted = Array.from({ length: 240 }, (_, i) => instances[i % 2]!.submit(spend(wallets[i % 3]!.workspace.id, service.key)));
        const answers = await settle(submitted);
        const applied = answers.filter((answer) => "value" in answer).length;
        // 150 spends of 10 fit in 1,500 credits; 80 were sent to each wallet.
        expect(applied).toBe(30 + 50 + 70);
        for (const { workspace } of wallets) expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).balance).toBe(0);
        await expectLedgerInvariants(prisma());
      } finally {
        await other.close();
      }
    });
  }
});
