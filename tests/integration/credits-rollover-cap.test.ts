// A monthly plan whose unused credits roll over, up to a cap: at each renewal, before the new
// period's grant, rolled-over plan credits beyond the cap are written off, oldest first. Each
// scenario checks what the customer sees (balance, every lot, the EXPIRY entries), not only that
// the ledger agrees with itself.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { settlePaymentClawback } from "@/services/billing/settle-payment-clawback";
import { capRolledOverCredits } from "@/services/credits/cap-rolled-over-credits";
import { consumeCredits } from "@/services/credits/consume-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { removeCredits } from "@/services/credits/remove-credits";
import { reverseEntry } from "@/services/credits/reverse-entry";
import { setWalletStatus } from "@/services/credits/set-wallet-status";
import { createFundedAccount, createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";

const actor = { type: "STRIPE" as const };
const PLAN_CREDITS = 550;
/** Day `day` of month `month` of 2026, at noon UTC. */
const on = (month: number, day = 1) => ({ now: () => new Date(Date.UTC(2026, month - 1, day, 12)) });
const invoiceKey = (month: number) => `stripe:invoice:in_${month}`;

describeEachEngine("a rollover cap on a monthly plan", ({ engine, prisma }) => {
  /** A renewal as the invoice fulfilment runs it: the cap, then the period's grant, in one transaction. */
  function renew(workspaceId: string, month: number, capCredits: number) {
    return prisma().$transaction(async (tx) => {
      const capped = await capRolledOverCredits(tx, { workspaceId, capCredits, keyPrefix: `${invoiceKey(month)}:rollover`, periodGrantKey: invoiceKey(month) }, on(month));
      const grant = await grantCredits(
        tx,
        { workspaceId, type: "SUBSCRIPTION_GRANT", credits: PLAN_CREDITS, expiresAt: null, idempotencyKey: invoiceKey(month), actor, reference: { type: "stripe_invoice", id: `in_${month}` } },
        on(month),
      );
      return { capped, grant };
    });
  }

  async function setup() {
    const account = await createFundedAccount(prisma(), 0);
    return { workspaceId: account.workspace.id, service: await createService(prisma(), { unitCostCredits: 1 }) };
  }

  const spend = (workspaceId: string, serviceKey: string, credits: number, when: { now: () => Date }) =>
    consumeCredits(prisma(), { workspaceId, serviceKey, quantity: credits, idempotencyKey: randomUUID(), actor: { type: "API_KEY" } }, when);
  const buyPack = (workspaceId: string, credits: number, when: { now: () => Date }) =>
    grantCredits(prisma(), { workspaceId, type: "PURCHASE", credits, idempotencyKey: randomUUID(), actor }, when);

  async function lots(workspaceId: string) {
    const rows = await prisma().creditGrant.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map(({ id, source, remaining }) => ({ id, source, remaining }));
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
  const expiries = (workspaceId: string) =>
    prisma().ledgerEntry.findMany({ where: { workspaceId, type: "EXPIRY" }, orderBy: { sequence: "asc" }, select: { amount: true, idempotencyKey: true, referenceId: true, actorType: true } });

  /** The customer's four months: 550 a month, capped at 1,000, with a 300-credit pack bought in month 2. */
  async function fourMonths() {
    const { workspaceId, service } = await setup();
    const months = [await renew(workspaceId, 1, 1000)];
    await spend(workspaceId, service.key, 100, on(1, 15));
    months.push(await renew(workspaceId, 2, 1000));
    await buyPack(workspaceId, 300, on(2, 10));
    months.push(await renew(workspaceId, 3, 1000));
    months.push(await renew(workspaceId, 4, 1000));
    return { workspaceId, months };
  }

  it("keeps 1,000 of the plan's credits at each renewal, newest first, and never the pack", async () => {
    const { workspaceId, months } = await fourMonths();
    expect(months.map(({ capped, grant }) => [capped.creditsWrittenOff, grant.balance])).toEqual([
      [0, 550], // month 1: nothing to carry
      [0, 1000], // month 2: 450 left of month 1 + 550
      [0, 1850], // month 3: 1,000 plan credits unused, all kept; + 550; + the pack's 300
      [550, 1850], // month 4: 1,550 → the oldest 550 trimmed → 1,000 + 550; + 300
    ]);
    expect(months[3]!.capped).toEqual({ creditsWrittenOff: 550, lotsTrimmed: 2, balance: 1300, replayed: false });
    const [month1, month2, pack, month3, month4] = await lots(workspaceId);
    expect([month1, month2, pack, month3, month4].map((lot) => [lot!.source, lot!.remaining])).toEqual([
      ["SUBSCRIPTION_GRANT", 0],
      ["SUBSCRIPTION_GRANT", 450],
      ["PURCHASE", 300],
      ["SUBSCRIPTION_GRANT", 550],
      ["SUBSCRIPTION_GRANT", 550],
    ]);
    expect(await balance(workspaceId)).toBe(1850);
    expect(await expiries(workspaceId)).toEqual([
      { amount: -450, idempotencyKey: `${invoiceKey(4)}:rollover:${month1!.id}`, referenceId: month1!.id, actorType: "SYSTEM" },
      { amount: -100, idempotencyKey: `${invoiceKey(4)}:rollover:${month2!.id}`, referenceId: month2!.id, actorType: "SYSTEM" },
    ]);
    await expectLedgerInvariants(prisma());
  });

  it("changes nothing when a renewal is repeated, and refuses the same prefix with another cap", async () => {
    const { workspaceId } = await fourMonths();
    const entries = await prisma().ledgerEntry.count({ where: { workspaceId } });
    const prefix = `${invoiceKey(4)}:rollover`;
    expect(await capRolledOverCredits(prisma(), { workspaceId, capCredits: 1000, keyPrefix: prefix }, on(5))).toEqual({ creditsWrittenOff: 550, lotsTrimmed: 2, balance: 1850, replayed: true });
    // Month 3 trimmed nothing, so no key holds it; its period grant tells that it ran.
    const again = await renew(workspaceId, 3, 1000);
    expect([again.capped, again.grant.replayed]).toEqual([{ creditsWrittenOff: 0, lotsTrimmed: 0, balance: 1850, replayed: true }, true]);
    await expect(capRolledOverCredits(prisma(), { workspaceId, capCredits: 900, keyPrefix: prefix }, on(5))).rejects.toMatchObject({ code: "idempotency_mismatch" });
    expect(await prisma().ledgerEntry.count({ where: { workspaceId } })).toBe(entries);
    expect(await balance(workspaceId)).toBe(1850);
  });

  it("carries nothing over with a cap of 0, and leaves purchased credits alone", async () => {
    const { workspaceId, service } = await setup();
    await renew(workspaceId, 1, 0);
    await spend(workspaceId, service.key, 100, on(1, 15));
    await buyPack(workspaceId, 200, on(1, 20));
    const { capped, grant } = await renew(workspaceId, 2, 0);
    expect(capped).toEqual({ creditsWrittenOff: 450, lotsTrimmed: 1, balance: 200, replayed: false });
    expect(grant.balance).toBe(750);
    expect((await lots(workspaceId)).map((lot) => [lot.source, lot.remaining])).toEqual([["SUBSCRIPTION_GRANT", 0], ["PURCHASE", 200], ["SUBSCRIPTION_GRANT", 550]]);
    await expectLedgerInvariants(prisma());
  });

  it("trims only plan credits that roll over: expiring plan credits, bonuses and refunds stay", async () => {
    const { workspaceId, service } = await setup();
    const later = new Date(Date.UTC(2026, 5, 1));
    await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 400, expiresAt: later, idempotencyKey: "expiring-plan", actor }, on(1));
    await grantCredits(prisma(), { workspaceId, type: "PROMO_BONUS", credits: 100, idempotencyKey: "bonus", actor }, on(1, 2));
    await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 500, expiresAt: null, idempotencyKey: "rollover", actor }, on(1, 3));
    const used = await spend(workspaceId, service.key, 50, on(1, 4)); // from the expiring plan lot
    await reverseEntry(prisma(), { workspaceId, entryId: used.entryId, type: "DISPUTE_REFUND", reason: "refund", idempotencyKey: "refund", actor }, on(1, 5));
    const capped = await capRolledOverCredits(prisma(), { workspaceId, capCredits: 100, keyPrefix: "renewal:2" }, on(2));
    expect(capped.creditsWrittenOff).toBe(400);
    expect((await lots(workspaceId)).map((lot) => [lot.source, lot.remaining])).toEqual([
      ["SUBSCRIPTION_GRANT", 350],
      ["PROMO_BONUS", 100],
      ["SUBSCRIPTION_GRANT", 100],
      ["DISPUTE_REFUND", 50],
    ]);
    await expectLedgerInvariants(prisma());
  });

  it("trims a paused wallet (bookkeeping, not usage), and finds nothing to trim in a wallet in debt", async () => {
    const paused = await setup();
    await renew(paused.workspaceId, 1, 100);
    await setWalletStatus(prisma(), { workspaceId: paused.workspaceId, paused: true, actor: { type: "SYSTEM" } }, on(1, 2));
    expect((await renew(paused.workspaceId, 2, 100)).capped).toMatchObject({ creditsWrittenOff: 450, balance: 100 });

    const inDebt = await setup();
    await renew(inDebt.workspaceId, 1, 100);
    await removeCredits(prisma(), { workspaceId: inDebt.workspaceId, type: "ADMIN_ADJUSTMENT", credits: 600, reason: "chargeback", idempotencyKey: "debt", actor }, on(1, 2));
    const { capped, grant } = await renew(inDebt.workspaceId, 2, 0);
    expect([capped, grant.balance]).toEqual([{ creditsWrittenOff: 0, lotsTrimmed: 0, balance: -50, replayed: false }, 500]);
    await expectLedgerInvariants(prisma());
  });

  it("counts trimmed credits as expired when the grant's invoice is refunded", async () => {
    const { workspaceId, service } = await setup();
    const january = await renew(workspaceId, 1, 200);
    await spend(workspaceId, service.key, 100, on(1, 15));
    await renew(workspaceId, 2, 200); // 450 → 250 of January's lot trimmed, 200 kept
    await renew(workspaceId, 3, 200); // 750 → January's last 200 and 350 of February's trimmed
    const reversible = async (entryId: string) => {
      const [row] = await prisma().$queryRaw<{ left: number }[]>`SELECT credits_reversible(e, ${on(3, 2).now()}::timestamptz) AS left FROM ledger_entries e WHERE e.id = ${entryId}::uuid`;
      return row!.left;
    };
    // 550 granted, 450 trimmed in two renewals: only the 100 spent can be clawed back.
    expect(await reversible(january.grant.entryId)).toBe(100);
    await expect(
      reverseEntry(prisma(), { workspaceId, entryId: january.grant.entryId, credits: 101, type: "PAYMENT_REFUND_CLAWBACK", reason: "refund", idempotencyKey: "too-much", actor }, on(3, 2)),
    ).rejects.toMatchObject({ code: "conflict" });

    // A full refund of the invoice through the payment clawback takes back those 100 and no more.
    const payment = await prisma().payment.create({
      data: { workspaceId, interval: "MONTH", status: "REFUNDED", amountCents: 4999, amountRefundedCents: 4999, credits: PLAN_CREDITS, ledgerEntryId: january.grant.entryId, stripeInvoiceId: `in_1_${workspaceId}` },
    });
    const settled = await prisma().$transaction((tx) => settlePaymentClawback(tx, payment.id, { key: "stripe:refund:ch_1:4999", reference: { type: "stripe_charge", id: "ch_1" } }, on(3, 2)));
    expect(settled).toEqual({ credits: 100, bonusCredits: 0 });
    expect(await balance(workspaceId)).toBe(650);
    expect((await lots(workspaceId)).map((lot) => lot.remaining)).toEqual([0, 100, 550]);
    await expectLedgerInvariants(prisma());
  });

  it("refuses an unknown workspace, a negative cap and an empty prefix", async () => {
    const { workspaceId } = await setup();
    await expect(capRolledOverCredits(prisma(), { workspaceId: randomUUID(), capCredits: 10, keyPrefix: "p" })).rejects.toMatchObject({ code: "not_found" });
    for (const input of [{ capCredits: -1, keyPrefix: "p" }, { capCredits: 1.5, keyPrefix: "p" }, { capCredits: 10, keyPrefix: "" }]) {
      await expect(capRolledOverCredits(prisma(), { workspaceId, ...input })).rejects.toMatchObject({ code: "validation_failed" });
    }
  });

  it(`keeps the ledger's invariants when trims race with usage on one wallet [${engine}]`, async () => {
    const { workspaceId, service } = await setup();
    for (let day = 1; day <= 6; day++) {
      await grantCredits(prisma(), { workspaceId, type: "SUBSCRIPTION_GRANT", credits: 200, expiresAt: null, idempotencyKey: `plan:${day}`, actor }, on(1, day));
    }
    await buyPack(workspaceId, 300, on(1, 7));
    // Usage takes at most 200 and no other cap is below 600, so the pair capped at 100 always has
    // something to trim, whatever order the wallet lock grants.
    const cap = (capCredits: number, keyPrefix: string) => capRolledOverCredits(prisma(), { workspaceId, capCredits, keyPrefix }, on(2));
    const uses = Array.from({ length: 40 }, () => spend(workspaceId, service.key, 5, on(2)));
    const capping = [1100, 900, 700, 600, 800, 1000].map((capCredits, index) => cap(capCredits, `renewal:${index}`));
    const [used, trims] = await Promise.all([Promise.allSettled(uses), Promise.all([...capping, cap(100, "renewal:twice"), cap(100, "renewal:twice")])]);

    const refusals = used.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(refusals.every((error) => error instanceof DomainError && error.code === "insufficient_credits")).toBe(true);
    const [first, second] = trims.slice(-2);
    expect(first!.creditsWrittenOff).toBeGreaterThan(0);
    expect([second!.creditsWrittenOff, [first!.replayed, second!.replayed].sort()]).toEqual([first!.creditsWrittenOff, [false, true]]);
    const expired = await prisma().ledgerEntry.aggregate({ where: { workspaceId, type: "EXPIRY" }, _sum: { amount: true } });
    const trimmed = trims.filter((trim) => !trim.replayed).reduce((sum, trim) => sum + trim.creditsWrittenOff, 0);
    expect(-(expired._sum.amount ?? 0)).toBe(trimmed);
    const planLots = await prisma().creditGrant.aggregate({ where: { workspaceId, source: "SUBSCRIPTION_GRANT" }, _sum: { remaining: true } });
    expect(planLots._sum.remaining).toBeLessThanOrEqual(100);
    expect(await balance(workspaceId)).toBe(1500 - trimmed - 5 * (used.length - refusals.length));
    await expectLedgerInvariants(prisma());
  });
});
