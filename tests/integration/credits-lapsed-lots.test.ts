// What removals and reversals owe the customer when credits have lapsed but the expiry sweep has
// not run yet. Each scenario checks the customer-visible result (balance, live lots), not only
// that the ledger agrees with itself.
import { expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits } from "@/services/credits/expire-credits";
import { getBalance } from "@/services/credits/get-balance";
import { grantCredits } from "@/services/credits/grant-credits";
import { removeCredits } from "@/services/credits/remove-credits";
import { reverseEntry } from "@/services/credits/reverse-entry";
import { createFundedAccount, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";

const actor = { type: "SYSTEM" as const };
const at = (iso: string) => ({ now: () => new Date(iso) });

async function liveLots(prisma: PrismaClient, workspaceId: string, now: Date) {
  const lots = await prisma.creditGrant.findMany({ where: { workspaceId, remaining: { gt: 0 } } });
  return lots.filter((lot) => !lot.expiresAt || lot.expiresAt > now);
}

describeEachEngine("removals and reversals around lapsed credits", ({ prisma }) => {
  async function purchaseAndPlan() {
    const account = await createFundedAccount(prisma(), 0);
    const workspaceId = account.workspace.id;
    const purchase = await grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits: 1000, idempotencyKey: "purchase", actor }, at("2026-01-05T00:00:00Z"));
    const plan = await grantCredits(
      prisma(),
      { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 500, expiresAt: new Date("2026-02-01T00:00:00Z"), idempotencyKey: "plan", actor },
      at("2026-01-05T00:00:00Z"),
    );
    return { workspaceId, purchase, plan };
  }

  it.each(["PAYMENT_REFUND_CLAWBACK", "ADMIN_ADJUSTMENT"] as const)("a %s of everything purchased leaves nothing, even before the sweep", async (type) => {
    const { workspaceId } = await purchaseAndPlan();
    const march = at("2026-03-01T00:00:00Z");
    const removal = await removeCredits(prisma(), { workspaceId, type, credits: 1000, reason: "full refund", idempotencyKey: "refund", actor }, march);
    // The lapsed 500 are written off first; the removal takes the 1,000 purchased credits.
    expect(removal.balance).toBe(0);
    expect(await liveLots(prisma(), workspaceId, march.now())).toEqual([]);
    expect(await expireCredits(prisma(), march)).toEqual({ lotsExpired: 0, creditsExpired: 0 });
    expect(await getBalance(prisma(), workspaceId, march)).toEqual({ balance: 0, held: 0, available: 0, status: "ACTIVE" });
    const entries = await prisma().ledgerEntry.findMany({ where: { workspaceId }, orderBy: { sequence: "asc" }, select: { type: true, amount: true } });
    expect(entries.slice(2)).toEqual([{ type: "EXPIRY", amount: -500 }, { type, amount: -1000 }]);
    await expectLedgerInvariants(prisma());
  });

  it("a removal larger than the live credits leaves debt, not lapsed credits", async () => {
    const { workspaceId } = await purchaseAndPlan();
    const march = at("2026-03-01T00:00:00Z");
    const removal = await removeCredits(prisma(), { workspaceId, type: "ADMIN_ADJUSTMENT", credits: 1200, reason: "correction", idempotencyKey: "fix", actor }, march);
    expect(removal.balance).toBe(-200);
    expect(await liveLots(prisma(), workspaceId, march.now())).toEqual([]);
    await expectLedgerInvariants(prisma());
  });

  /** 100 purchased credits and a plan grant of 50 that lapses on Feb 1. */
  async function purchaseAndSmallPlan() {
    const account = await createFundedAccount(prisma(), 100);
    const workspaceId = account.workspace.id;
    const plan = await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 50, expiresAt: new Date("2026-02-01T00:00:00Z"), idempotencyKey: "plan", actor }, at("2026-01-05T00:00:00Z"));
    return { workspaceId, plan, service: await createService(prisma()) };
  }

  it("reversing an expired grant takes back nothing that already expired", async () => {
    const { workspaceId, plan } = await purchaseAndSmallPlan();
    expect(await expireCredits(prisma(), at("2026-02-02T00:00:00Z"))).toEqual({ lotsExpired: 1, creditsExpired: 50 });
    await expect(
      reverseEntry(prisma(), { workspaceId, entryId: plan.entryId, type: "PAYMENT_REFUND_CLAWBACK", reason: "refunded", idempotencyKey: "claw", actor }, at("2026-02-03T00:00:00Z")),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await getBalance(prisma(), workspaceId)).balance).toBe(100);
    await expectLedgerInvariants(prisma());
  });

  it("reversing a grant that lapsed unswept writes it off and takes back only what was spent from it", async () => {
    const { workspaceId, plan, service } = await purchaseAndSmallPlan();
    // 20 spent from the plan's lot (it expires first), 30 lapse with it.
    await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 20, idempotencyKey: "use", actor }, at("2026-01-10T00:00:00Z"));
    const february = at("2026-02-03T00:00:00Z");
    await expect(
      reverseEntry(prisma(), { workspaceId, entryId: plan.entryId, credits: 21, type: "PAYMENT_REFUND_CLAWBACK", reason: "refunded", idempotencyKey: "too-much", actor }, february),
    ).rejects.toMatchObject({ code: "conflict" });
    const clawback = await reverseEntry(prisma(), { workspaceId, entryId: plan.entryId, type: "PAYMENT_REFUND_CLAWBACK", reason: "refunded", idempotencyKey: "claw", actor }, february);
    // 130 before: 30 lapsed are written off, then the 20 spent are clawed back from the purchase.
    expect(clawback).toMatchObject({ amount: -20, balance: 80 });
    const purchaseLot = await prisma().creditGrant.findFirstOrThrow({ where: { workspaceId, source: "PURCHASE" } });
    expect(purchaseLot.remaining).toBe(80);
    await expectLedgerInvariants(prisma());
  });

  it("reverses a grant in parts, never past what is left of it after expiry", async () => {
    const { workspaceId, plan, service } = await purchaseAndSmallPlan();
    await consumeCredits(prisma(), { workspaceId, serviceKey: service.key, quantity: 10, idempotencyKey: "use", actor }, at("2026-01-10T00:00:00Z"));
    const part = await reverseEntry(prisma(), { workspaceId, entryId: plan.entryId, credits: 15, type: "REVERSAL", reason: "part", idempotencyKey: "part", actor }, at("2026-01-20T00:00:00Z"));
    expect(part).toMatchObject({ amount: -15, balance: 125 });
    await expireCredits(prisma(), at("2026-02-02T00:00:00Z")); // 25 left in the plan's lot lapse
    // Reversible: 50 − 15 reversed − 25 expired = 10.
    const rest = await reverseEntry(prisma(), { workspaceId, entryId: plan.entryId, type: "REVERSAL", reason: "rest", idempotencyKey: "rest", actor }, at("2026-02-03T00:00:00Z"));
    expect(rest).toMatchObject({ amount: -10, balance: 90 });
    await expectLedgerInvariants(prisma());
  });
});
