// Credit holds on real engines, checked against what the customer must see: the right available
// balance, the right lot spent, one usage entry per settled job, nothing freed or charged twice.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { Clock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits } from "@/services/credits/expire-credits";
import { getBalance } from "@/services/credits/get-balance";
import { grantCredits } from "@/services/credits/grant-credits";
import { removeCredits } from "@/services/credits/remove-credits";
import { expireHolds } from "@/services/holds/expire-holds";
import { extendHold } from "@/services/holds/extend-hold";
import { releaseHold } from "@/services/holds/release-hold";
import { reserveHold } from "@/services/holds/reserve-hold";
import { settleHold } from "@/services/holds/settle-hold";
import { createFundedAccount, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";

const HOUR = 60 * 60 * 1000;
const start = new Date("2026-06-01T12:00:00.000Z");
const at = (ms: number): Clock => ({ now: () => new Date(start.getTime() + ms) });
const key = () => randomUUID();
const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));
const refusal = (promise: Promise<unknown>) => promise.then(() => "applied", code);

describeEachEngine("credit holds", ({ prisma }) => {
  async function setup(credits: number, policy: "NONE" | "AVAILABLE" | "DEBT" = "NONE") {
    const service = await createService(prisma(), { holdOverage: policy });
    const account = await createFundedAccount(prisma(), credits);
    const workspaceId = account.workspace.id;
    const reserve = (quantity: number, options: { ttlSeconds?: number; clock?: Clock; idempotencyKey?: string } = {}) =>
      reserveHold(prisma(), { workspaceId, serviceKey: service.key, quantity, ttlSeconds: options.ttlSeconds ?? 3600, idempotencyKey: options.idempotencyKey ?? key(), actor: { type: "API_KEY" } }, options.clock ?? at(0));
    const settle = (holdId: string, quantity: number, options: { clock?: Clock; idempotencyKey?: string } = {}) =>
      settleHold(prisma(), { workspaceId, holdId, quantity, idempotencyKey: options.idempotencyKey ?? key(), actor: { type: "API_KEY" } }, options.clock ?? at(0));
    const spend = (quantity: number, clock = at(0)) =>
      consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity, idempotencyKey: key(), actor: { type: "API_KEY" } }, clock);
    const balance = (clock = at(0)) => getBalance(prisma(), workspaceId, clock);
    const usageEntries = () => prisma().ledgerEntry.findMany({ where: { workspaceId, type: "USAGE" }, orderBy: { sequence: "asc" } });
    return { service, workspaceId, reserve, settle, spend, balance, usageEntries };
  }

  it("takes a hold out of what is available, so spends and other holds see only the rest", async () => {
    const { reserve, spend, balance } = await setup(100);
    const hold = await reserve(60);
    expect([hold.status, hold.credits, hold.held, hold.balance, hold.available]).toEqual(["ACTIVE", 60, 60, 100, 40]);
    expect(await balance()).toMatchObject({ balance: 100, held: 60, available: 40 });
    expect(await refusal(spend(41))).toBe("insufficient_credits");
    expect(await refusal(reserve(41))).toBe("insufficient_credits");
    expect((await spend(40)).balance).toBe(60);
    expect(await balance()).toMatchObject({ balance: 60, held: 60, available: 0 });
    await expectLedgerInvariants(prisma());
  });

  it("settles for what the job used with exactly one usage entry, and frees the rest", async () => {
    const { reserve, settle, balance, usageEntries } = await setup(100);
    const hold = await reserve(60);
    const settled = await settle(hold.id, 45);
    expect([settled.status, settled.settledCredits, settled.held, settled.balance, settled.available]).toEqual(["SETTLED", 45, 0, 55, 55]);
    const entries = await usageEntries();
    expect(entries.map((entry) => [entry.amount, entry.balanceAfter, entry.referenceType, entry.referenceId, entry.quantity])).toEqual([[-45, 55, "credit_hold", hold.id, 45]]);
    expect(settled.settlementEntryId).toBe(entries[0]!.id);
    expect(await balance()).toMatchObject({ balance: 55, held: 0, available: 55 });
    await expectLedgerInvariants(prisma());
  });

  it("answers a settle's retry with its first answer, and refuses every other end of a settled hold", async () => {
    const { reserve, settle, workspaceId, usageEntries } = await setup(100);
    const hold = await reserve(50);
    const first = await settle(hold.id, 30, { idempotencyKey: "job-1-done" });
    const retry = await settle(hold.id, 30, { idempotencyKey: "job-1-done" });
    expect([retry.replayed, retry.settlementEntryId, retry.settledCredits]).toEqual([true, first.settlementEntryId, 30]);
    expect(await refusal(settle(hold.id, 30, { idempotencyKey: "job-1-done" }).then(() => settle(hold.id, 31, { idempotencyKey: "job-1-done" })))).toBe("idempotency_mismatch");
    expect(await refusal(settle(hold.id, 30))).toBe("hold_not_active");
    expect(await refusal(releaseHold(prisma(), { workspaceId, holdId: hold.id, idempotencyKey: key() }, at(0)))).toBe("hold_not_active");
    expect(await refusal(extendHold(prisma(), { workspaceId, holdId: hold.id, ttlSeconds: 60, idempotencyKey: key() }, at(0)))).toBe("hold_not_active");
    expect(await usageEntries()).toHaveLength(1);
  });

  it("replays a reserve with the same key, and refuses the key for another request", async () => {
    const { reserve, balance } = await setup(100);
    const first = await reserve(30, { idempotencyKey: "job-7" });
    const again = await reserve(30, { idempotencyKey: "job-7" });
    expect([again.replayed, again.id]).toEqual([true, first.id]);
    expect(await refusal(reserve(31, { idempotencyKey: "job-7" }))).toBe("idempotency_mismatch");
    expect(await balance()).toMatchObject({ held: 30, available: 70 });
  });

  it("keeps a settlement within its hold unless the service's overage policy allows more", async () => {
    const none = await setup(100, "NONE");
    const h1 = await none.reserve(40);
    expect(await refusal(none.settle(h1.id, 41))).toBe("exceeds_hold");
    expect(await none.usageEntries()).toHaveLength(0);
    expect(await none.balance()).toMatchObject({ balance: 100, held: 40 });

    const available = await setup(100, "AVAILABLE");
    const h2 = await available.reserve(40);
    await available.spend(50);
    expect(await refusal(available.settle(h2.id, 51))).toBe("insufficient_credits");
    expect((await available.settle(h2.id, 50)).balance).toBe(0);

    const debt = await setup(100, "DEBT");
    const h3 = await debt.reserve(40);
    await debt.spend(60);
    const settled = await debt.settle(h3.id, 70);
    expect([settled.balance, settled.available]).toEqual([-30, -30]);
    await expectLedgerInvariants(prisma());
  });

  it("frees a forgotten hold when it expires, so a job that crashed loses nothing", async () => {
    const { reserve, settle, balance, workspaceId } = await setup(100);
    const hold = await reserve(70, { ttlSeconds: 600 });
    expect(await expireHolds(prisma(), at(599_000))).toEqual({ holdsExpired: 0, creditsFreed: 0 });
    expect(await refusal(settle(hold.id, 10, { clock: at(600_000) }))).toBe("hold_expired");
    expect(await expireHolds(prisma(), at(600_000))).toEqual({ holdsExpired: 1, creditsFreed: 70 });
    expect(await expireHolds(prisma(), at(600_000))).toEqual({ holdsExpired: 0, creditsFreed: 0 });
    expect(await balance()).toMatchObject({ balance: 100, held: 0, available: 100 });
    const expired = await prisma().creditHold.findUniqueOrThrow({ where: { id: hold.id } });
    expect([expired.status, expired.held]).toEqual(["EXPIRED", 0]);
    expect(await prisma().ledgerEntry.count({ where: { workspaceId, type: "USAGE" } })).toBe(0);
  });

  it("extends an active hold (never shortening it), and a retry of the extension changes nothing", async () => {
    const { reserve, settle, workspaceId } = await setup(100);
    const hold = await reserve(10, { ttlSeconds: 600 });
    const extended = await extendHold(prisma(), { workspaceId, holdId: hold.id, ttlSeconds: 3600, idempotencyKey: "ext-1" }, at(300_000));
    expect(extended.expiresAt.getTime()).toBe(start.getTime() + 300_000 + HOUR);
    const retried = await extendHold(prisma(), { workspaceId, holdId: hold.id, ttlSeconds: 3600, idempotencyKey: "ext-1" }, at(900_000));
    expect([retried.replayed, retried.expiresAt.getTime()]).toEqual([true, extended.expiresAt.getTime()]);
    const shorter = await extendHold(prisma(), { workspaceId, holdId: hold.id, ttlSeconds: 60, idempotencyKey: "ext-2" }, at(900_000));
    expect(shorter.expiresAt.getTime()).toBe(extended.expiresAt.getTime());
    expect((await settle(hold.id, 10, { clock: at(HOUR) })).status).toBe("SETTLED");
  });

  it("holds a lot's credits past its lapse: settling may spend them, and what goes back expires then", async () => {
    const { reserve, settle, workspaceId, balance } = await setup(0);
    // 50 plan credits lapse at +1 h; 100 purchased never do. The hold pins the plan credits first.
    await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 50, expiresAt: new Date(start.getTime() + HOUR), idempotencyKey: key(), actor: { type: "SYSTEM" } }, at(0));
    await grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits: 100, idempotencyKey: key(), actor: { type: "SYSTEM" } }, at(0));
    const hold = await reserve(80, { ttlSeconds: 3 * 3600 });
    const pins = await prisma().creditHoldLot.findMany({ where: { holdId: hold.id }, include: { grant: true } });
    expect(pins.map((pin) => [pin.grant.source, pin.credits]).sort()).toEqual([["PURCHASE", 30], ["SUBSCRIPTION_GRANT", 50]]);

    // The plan lot lapses; the sweep expires nothing of it: every credit it has left is held.
    expect(await expireCredits(prisma(), at(2 * HOUR))).toEqual({ lotsExpired: 0, creditsExpired: 0 });
    expect(await balance(at(2 * HOUR))).toMatchObject({ balance: 150, held: 80, available: 70 });

    // The job used 30: taken from the plan lot (soonest expiry); its other 20 expire now.
    const settled = await settle(hold.id, 30, { clock: at(2 * HOUR) });
    expect(settled.balance).toBe(100);
    const entries = await prisma().ledgerEntry.findMany({ where: { workspaceId, type: { in: ["USAGE", "EXPIRY"] } }, orderBy: { sequence: "asc" } });
    expect(entries.map((entry) => [entry.type, entry.amount, entry.balanceAfter])).toEqual([["USAGE", -30, 120], ["EXPIRY", -20, 100]]);
    expect(entries[1]!.idempotencyKey).toMatch(new RegExp(`^expiry:[0-9a-f-]{36}:${hold.id}$`));
    expect(await balance(at(2 * HOUR))).toMatchObject({ balance: 100, held: 0, available: 100 });
    await expectLedgerInvariants(prisma());
  });

  it("lets a removal take held credits only after the free ones, shrinking the newest hold first", async () => {
    const { reserve, workspaceId, balance } = await setup(100);
    const older = await reserve(30, { clock: at(0) });
    const newer = await reserve(30, { clock: at(1000) });
    await removeCredits(prisma(), { workspaceId, type: "ADMIN_ADJUSTMENT", credits: 60, reason: "test", idempotencyKey: key(), actor: { type: "ADMIN" } }, at(2000));
    const holds = await prisma().creditHold.findMany({ where: { id: { in: [older.id, newer.id] } } });
    const heldOf = (id: string) => holds.find((hold) => hold.id === id)!.held;
    expect([heldOf(older.id), heldOf(newer.id)]).toEqual([30, 10]);
    expect(await balance()).toMatchObject({ balance: 40, held: 40, available: 0 });
    await expectLedgerInvariants(prisma());
  });

  it("ends a hold exactly once under 50 concurrent settles and releases, never freeing or charging twice", async () => {
    const { reserve, settle, workspaceId, balance, usageEntries } = await setup(1000);
    const hold = await reserve(100);
    const calls = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? refusal(settle(hold.id, 10 + i)) : refusal(releaseHold(prisma(), { workspaceId, holdId: hold.id, idempotencyKey: key() }, at(0))),
    );
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((outcome) => outcome === "applied")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== "applied").every((outcome) => outcome === "hold_not_active")).toBe(true);
    const ended = await prisma().creditHold.findUniqueOrThrow({ where: { id: hold.id } });
    const spent = (await usageEntries()).reduce((sum, entry) => sum - entry.amount, 0);
    expect(spent).toBe(ended.status === "SETTLED" ? ended.settledCredits : 0);
    expect(spent).toBeLessThanOrEqual(100);
    expect(await balance()).toMatchObject({ balance: 1000 - spent, held: 0 });
    await expectLedgerInvariants(prisma());
  });

  it("never lets concurrent holds and spends take more than is available", async () => {
    const { reserve, spend, balance } = await setup(500);
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => refusal(i % 2 ? reserve(25) : spend(25))));
    expect(outcomes.filter((outcome) => outcome === "applied")).toHaveLength(20);
    expect(await balance()).toMatchObject({ available: 0 });
    await expectLedgerInvariants(prisma());
  });
});
