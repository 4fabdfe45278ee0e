// Holds through group commit on real engines: concurrent reserves and settlements committed
// together must each get the answer the reference model gives one at a time, never reserve more
// than is available, end a hold once however its ends race across batches, keep a failure to its
// own request, and stay correct across two app instances.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Clock } from "@/lib/clock";
import { createDbClient } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createGroupCommit } from "@/lib/jobs/group-commit";
import { createHoldGroups } from "@/services/holds/hold-groups";
import type { HoldResult } from "@/services/holds/hold-write";
import { releaseHold } from "@/services/holds/release-hold";
import { reserveEach, reserveHold, type ReserveHoldInput } from "@/services/holds/reserve-hold";
import { createFundedAccount, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { runReferenceFuzz } from "../helpers/ledger-fuzz";
import { databaseUrl } from "../helpers/postgres-admin";

const OPERATIONS = Number(process.env.MODEL_OPERATIONS ?? 1_200);
const FUZZ_TIMEOUT_MS = 300_000;
const actor = { type: "API_KEY" as const, id: "key" };

const outcomes = <T>(promises: Promise<T>[]) =>
  Promise.all(promises.map((p) => p.then((value) => ({ value }), (error: unknown) => ({ error: error instanceof DomainError ? error.code : String(error) }))));

/** Reserves through a group whose commits are counted, to show requests really were committed together. */
function countedReserves(prisma: PrismaClient) {
  const counts = { one: 0, many: 0 };
  const group = createGroupCommit<ReserveHoldInput, HoldResult>({
    maxInFlight: 2,
    maxBatch: 500,
    laneDepth: 2,
    lane: (input) => input.workspaceId,
    identity: (input) => `${input.workspaceId} ${input.idempotencyKey}`,
    commitOne: (input) => (counts.one++, reserveHold(prisma, input)),
    commitMany: (inputs) => (counts.many++, reserveEach(prisma, inputs)),
  });
  return { group, counts };
}

describeEachEngine("holds through group commit", ({ engine, prisma }) => {
  const reserveOf = (workspaceId: string, serviceKey: string, extra: Partial<ReserveHoldInput> = {}): ReserveHoldInput => ({
    workspaceId, serviceKey, quantity: 10, ttlSeconds: 600, idempotencyKey: `api:${randomUUID()}`, actor, ...extra,
  });

  it(`agrees with the reference model on every reserve, settlement, balance and lot through ${OPERATIONS} random operations`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // One commit per wallet in flight, so a wallet's requests apply in the order the model applies them;
    // one commit in flight at all, so that all but the first request of a step share a commit.
    const submitAll = <I>(submit: (input: I) => Promise<HoldResult>, inputs: I[]) =>
      Promise.all(inputs.map((input) => submit(input).catch((error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)))));
    const groups = (clock: Clock) => createHoldGroups(prisma(), { clock, walletDepth: 1, maxInFlight: 1 });
    await runReferenceFuzz(prisma, {
      operations: OPERATIONS,
      label: "reference model through hold group commit",
      holdBatch: {
        reserve: (inputs, clock) => submitAll(groups(clock).reserve.submit, inputs),
        settle: (inputs, clock) => submitAll(groups(clock).settle.submit, inputs),
      },
    });
  });

  it("never reserves more than is available: 60 concurrent holds of 10 on 250 credits → 25 made, 35 refused", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 250);
    const { group, counts } = countedReserves(prisma());
    const answers = await outcomes(Array.from({ length: 60 }, () => group.submit(reserveOf(workspace.id, service.key))));
    const made = answers.flatMap((answer) => ("value" in answer ? [answer.value] : []));
    expect(made.map((hold) => hold.available).sort((a, b) => b - a)).toEqual(Array.from({ length: 25 }, (_, i) => 240 - 10 * i));
    expect(answers.flatMap((answer) => ("error" in answer ? [answer.error] : []))).toEqual(Array(35).fill("insufficient_credits"));
    expect(counts.many).toBeGreaterThan(0);
    expect(counts.one + counts.many).toBeLessThan(60);
    expect(await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).toMatchObject({ balance: 250, held: 250 });
    await expectLedgerInvariants(prisma());
  });

  it("makes one hold when the same request arrives 5× at once, and answers the others with it", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 100);
    const { group } = countedReserves(prisma());
    const blocker = group.submit(reserveOf(workspace.id, service.key));
    const request = reserveOf(workspace.id, service.key);
    const answers = await Promise.all(Array.from({ length: 5 }, () => group.submit(request)));
    await blocker;
    expect(new Set(answers.map((hold) => hold.id)).size).toBe(1);
    expect(answers.filter((hold) => !hold.replayed)).toHaveLength(1);
    expect(await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).toMatchObject({ balance: 100, held: 20 });
  });

  it("ends a hold once when 50 settlements (through the group, across batches) and releases race for it", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 1000);
    const holds = createHoldGroups(prisma());
    const hold = await reserveHold(prisma(), reserveOf(workspace.id, service.key, { quantity: 100 }));
    // Other holds of the wallet in the same batches, so the racing settlements share commits.
    const others = await Promise.all(Array.from({ length: 25 }, () => reserveHold(prisma(), reserveOf(workspace.id, service.key, { quantity: 1 }))));
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? holds.settle.submit({ workspaceId: workspace.id, holdId: hold.id, quantity: 10 + i, idempotencyKey: `api:${randomUUID()}`, actor })
        : releaseHold(prisma(), { workspaceId: workspace.id, holdId: hold.id, idempotencyKey: `api:${randomUUID()}` }),
    );
    const otherSettles = others.map((other) => holds.settle.submit({ workspaceId: workspace.id, holdId: other.id, quantity: 1, idempotencyKey: `api:${randomUUID()}`, actor }));
    const answers = await outcomes(calls);
    expect((await outcomes(otherSettles)).every((answer) => "value" in answer)).toBe(true);
    expect(answers.filter((answer) => "value" in answer)).toHaveLength(1);
    expect(answers.flatMap((answer) => ("error" in answer ? [answer.error] : []))).toEqual(Array(49).fill("hold_not_active"));
    const ended = await prisma().creditHold.findUniqueOrThrow({ where: { id: hold.id } });
    const usage = await prisma().ledgerEntry.findMany({ where: { workspaceId: workspace.id, type: "USAGE", referenceId: hold.id } });
    expect(usage.reduce((sum, entry) => sum - entry.amount, 0)).toBe(ended.status === "SETTLED" ? ended.settledCredits : 0);
    expect(await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).toMatchObject({ held: 0, balance: 1000 - 25 - (ended.settledCredits ?? 0) });
    await expectLedgerInvariants(prisma());
  });

  it("keeps a failing statement to its own request: the others are made once, nothing half-written", async () => {
    const service = await createService(prisma());
    const { workspace } = await createFundedAccount(prisma(), 1000);
    await prisma().$executeRawUnsafe(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description = 'boom' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await prisma().$executeRawUnsafe("CREATE TRIGGER boom BEFORE INSERT ON credit_holds FOR EACH ROW EXECUTE FUNCTION boom()");
    try {
      const { group, counts } = countedReserves(prisma());
      const blocker = group.submit(reserveOf(workspace.id, service.key));
      const answers = await outcomes(["a", "boom", "b", "c"].map((description) => group.submit(reserveOf(workspace.id, service.key, { description }))));
      await blocker;
      expect(counts.many).toBe(1);
      expect(answers.map((answer) => ("value" in answer ? "made" : answer.error))).toEqual(["made", expect.stringMatching(/injected failure/), "made", "made"]);
    } finally {
      await prisma().$executeRawUnsafe("DROP TRIGGER boom ON credit_holds");
      await prisma().$executeRawUnsafe("DROP FUNCTION boom()");
    }
    expect(await prisma().creditHold.count({ where: { workspaceId: workspace.id } })).toBe(4);
    expect(await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).toMatchObject({ balance: 1000, held: 40 });
    await expectLedgerInvariants(prisma());
  });

  if (engine === "postgres") {
    it("keeps every invariant with two app instances (two pools, two pairs of groups) holding and settling on the same wallets", async () => {
      const service = await createService(prisma());
      const wallets = await Promise.all([300, 500, 700].map((credits) => createFundedAccount(prisma(), credits)));
      const [{ name }] = await prisma().$queryRawUnsafe<[{ name: string }]>("SELECT current_database() AS name");
      const other = createDbClient({ kind: "postgres", url: databaseUrl(process.env.TEST_DATABASE_URL!, name), poolSize: 8 });
      try {
        const instances = [createHoldGroups(prisma()), createHoldGroups(other.prisma)];
        // Each job holds 10 and is settled for 7 by the other instance: 30, 50 and 70 jobs fit.
        const jobs = await outcomes(
          Array.from({ length: 240 }, async (_, i) => {
            const workspaceId = wallets[i % 3]!.workspace.id;
            const hold = await instances[i % 2]!.reserve.submit(reserveOf(workspaceId, service.key));
            return instances[(i + 1) % 2]!.settle.submit({ workspaceId, holdId: hold.id, quantity: 7, idempotencyKey: `api:${randomUUID()}`, actor });
          }),
        );
        const settled = jobs.filter((job) => "value" in job).length;
        expect(settled).toBeGreaterThanOrEqual(30 + 50 + 70);
        expect(jobs.every((job) => "value" in job || job.error === "insufficient_credits")).toBe(true);
        const usage = await prisma().ledgerEntry.count({ where: { workspaceId: { in: wallets.map((w) => w.workspace.id) }, type: "USAGE" } });
        expect(usage).toBe(settled);
        for (const { workspace } of wallets) expect((await prisma().wallet.findUniqueOrThrow({ where: { workspaceId: workspace.id } })).held).toBe(0);
        await expectLedgerInvariants(prisma());
      } finally {
        await other.close();
      }
    });
  }
});
