import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { POST as expireRoute } from "@/app/api/cron/expire-credits/route";
import { POST as consume } from "@/app/api/v1/usage/route";
import { DomainError } from "@/lib/errors";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits } from "@/services/credits/expire-credits";
import { getBalance } from "@/services/credits/get-balance";
import { grantCredits } from "@/services/credits/grant-credits";
import { removeCredits } from "@/services/credits/remove-credits";
import { reverseEntry } from "@/services/credits/reverse-entry";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { expectLedgerInvariants } from "../helpers/invariants";
import { createFundedAccount, createService } from "../fixtures/credits";

const HOUR = 3_600_000;
const actor = { type: "SYSTEM" as const };

describeEachEngine("credit lots, expiry and reversals", ({ prisma }) => {
  it("spends soonest-expiring credits first and never spends lapsed ones", async () => {
    const account = await createFundedAccount(prisma(), 10); // never expires
    const workspaceId = account.workspace.id;
    const service = await createService(prisma());
    const start = Date.UTC(2026, 5, 1);
    const at = (hours: number) => ({ now: () => new Date(start + hours * HOUR) });
    await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 5, expiresAt: new Date(start + 48 * HOUR), idempotencyKey: "plan", actor }, at(0));
    await grantCredits(prisma(), { workspaceId, type: "PROMO_BONUS", credits: 3, expiresAt: new Date(start + 24 * HOUR), idempotencyKey: "promo", actor }, at(0));
    const spend = (quantity: number, hours: number) => consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity, idempotencyKey: randomUUID(), actor }, at(hours));

    await spend(4, 1); // promo (3) then plan (1)
    const lots = await prisma().creditGrant.findMany({ where: { workspaceId }, orderBy: { expiresAt: { sort: "asc", nulls: "last" } } });
    expect(lots.map((l) => [l.source, l.remaining])).toEqual([["PROMO_BONUS", 0], ["SUBSCRIPTION_GRANT", 4], ["PURCHASE", 10]]);

    // At 50 h the plan's 4 credits have lapsed: balance still shows them until the sweep, but
    // they cannot be spent.
    expect(await getBalance(prisma(), workspaceId, at(50))).toEqual({ balance: 14, held: 0, available: 10, status: "ACTIVE" });
    await expect(spend(11, 50)).rejects.toMatchObject({ code: "insufficient_credits" });
    const swept = await expireCredits(prisma(), at(50));
    expect(swept).toEqual({ lotsExpired: 1, creditsExpired: 4 });
    expect(await expireCredits(prisma(), at(51))).toEqual({ lotsExpired: 0, creditsExpired: 0 });
    expect(await getBalance(prisma(), workspaceId, at(50))).toEqual({ balance: 10, held: 0, available: 10, status: "ACTIVE" });
    await expectLedgerInvariants(prisma());
  });

  it("reverses usage as a refund and a purchase as a clawback, never more than the entry", async () => {
    const account = await createFundedAccount(prisma(), 100);
    const workspaceId = account.workspace.id;
    const service = await createService(prisma(), { unitCostCredits: 10 });
    const used = await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 3, idempotencyKey: "use", actor });
    const refund = await reverseEntry(prisma(), { workspaceId, entryId: used.entryId, credits: 10, type: "DISPUTE_REFUND", reason: "bad run", idempotencyKey: "r1", actor });
    expect(refund).toMatchObject({ amount: 10, balance: 80 });
    const rest = await reverseEntry(prisma(), { workspaceId, entryId: used.entryId, type: "DISPUTE_REFUND", reason: "all of it", idempotencyKey: "r2", actor });
    expect(rest).toMatchObject({ amount: 20, balance: 100 });
    await expect(reverseEntry(prisma(), { workspaceId, entryId: used.entryId, type: "DISPUTE_REFUND", reason: "again", idempotencyKey: "r3", actor })).rejects.toMatchObject({ code: "conflict" });

    const purchase = await prisma().ledgerEntry.findFirstOrThrow({ where: { workspaceId, type: "PURCHASE" } });
    const clawback = await reverseEntry(prisma(), { workspaceId, entryId: purchase.id, type: "PAYMENT_REFUND_CLAWBACK", reason: "refunded", idempotencyKey: "c1", actor });
    expect(clawback).toMatchObject({ amount: -100, balance: 0 });
    await expectLedgerInvariants(prisma());
  });

  it("lets a clawback take the wallet negative, refuses usage, and pays the debt from new credits", async () => {
    const account = await createFundedAccount(prisma(), 50);
    const workspaceId = account.workspace.id;
    const service = await createService(prisma());
    await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 40, idempotencyKey: "use", actor });
    const removed = await removeCredits(prisma(), { workspaceId, type: "PAYMENT_REFUND_CLAWBACK", credits: 50, reason: "refund", idempotencyKey: "claw", actor });
    expect(removed.balance).toBe(-40);
    await expect(consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 1, idempotencyKey: "poor", actor })).rejects.toBeInstanceOf(DomainError);
    const topUp = await grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits: 100, idempotencyKey: "top-up", actor });
    expect(topUp.balance).toBe(60);
    const lot = await prisma().creditGrant.findFirstOrThrow({ where: { sourceEntryId: topUp.entryId } });
    expect([lot.credits, lot.remaining]).toEqual([100, 60]);
    await expectLedgerInvariants(prisma());
  });

  it("does not reverse an entry of another workspace", async () => {
    const [a, b] = [await createFundedAccount(prisma(), 10), await createFundedAccount(prisma(), 10)];
    const bEntry = await prisma().ledgerEntry.findFirstOrThrow({ where: { workspaceId: b.workspace.id } });
    await expect(reverseEntry(prisma(), { workspaceId: a.workspace.id, entryId: bEntry.id, type: "REVERSAL", reason: "x", idempotencyKey: "x", actor })).rejects.toMatchObject({ code: "not_found" });
  });

  it("runs the expiry sweep from the cron endpoint, only with the cron secret", async () => {
    const denied = await callRoute(expireRoute, { method: "POST", headers: { authorization: "Bearer wrong" } });
    expect([denied.status, denied.body.code]).toEqual([401, "unauthenticated"]);
    expect((await callRoute(expireRoute, { method: "POST" })).status).toBe(401);
    const ok = await callRoute(expireRoute, { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ lotsExpired: expect.any(Number), creditsExpired: expect.any(Number) });
  });

  it("rate-limits an API key with 429 and Retry-After", async () => {
    const account = await createFundedAccount(prisma(), 10_000);
    const service = await createService(prisma());
    const limit = Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 6000);
    const { assertWithinRateLimit } = await import("@/lib/rate-limit");
    // Spend the key's budget directly, then one more call over HTTP.
    for (let i = 0; i < limit; i++) await assertWithinRateLimit({ name: "api-key", points: limit, durationSeconds: 60 }, account.apiKeyId).catch(() => undefined);
    const response = await callRoute(consume, { apiKey: account.apiKey, idempotencyKey: randomUUID(), body: { service: service.key, quantity: 1 } });
    expect([response.status, response.body.code]).toEqual([429, "rate_limited"]);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
