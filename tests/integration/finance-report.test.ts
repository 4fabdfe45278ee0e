// The finance report against a scenario worked out by hand: four payments (one partly refunded,
// one charged back), usage, a plan lot that expired half-used, a promotional grant, a failed
// payment and subscriptions at old and new prices. Every figure below is computed in the comments
// from the scenario, not from the code.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "@/lib/clock";
import { consumeCredits } from "@/services/credits/consume-credits";
import { expireCredits } from "@/services/credits/expire-credits";
import { grantCredits } from "@/services/credits/grant-credits";
import { settlePaymentClawback } from "@/services/billing/settle-payment-clawback";
import { GET as financeExport } from "@/app/api/admin/finance/export/route";
import { financeReport } from "@/services/finance/finance-report";
import { createAccount } from "../fixtures/accounts";
import { sessionCookie } from "../helpers/auth";
import { callRoute } from "../helpers/http";
import { createService } from "../fixtures/credits";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const NOW = at("2026-03-15T12:00:00Z");

describeEachEngine("finance report", ({ prisma }) => {
  let serviceKey = "";

  async function workspace() {
    return (await createAccount(prisma())).workspace.id;
  }

  async function pay(workspaceId: string, o: { interval: "ONE_TIME" | "MONTH"; cents: number; credits: number; paidAt: string; expiresAt?: string }) {
    const entry = await grantCredits(
      prisma(),
      {
        workspaceId,
        type: o.interval === "MONTH" ? "SUBSCRIPTION_GRANT" : "PURCHASE",
        credits: o.credits,
        expiresAt: o.expiresAt ? new Date(o.expiresAt) : null,
        idempotencyKey: `pay:${randomUUID()}`,
        actor: { type: "STRIPE" },
      },
      at(o.paidAt),
    );
    return prisma().payment.create({
      data: { workspaceId, interval: o.interval, status: "SUCCEEDED", amountCents: o.cents, credits: o.credits, ledgerEntryId: entry.entryId, paidAt: new Date(o.paidAt), createdAt: new Date(o.paidAt) },
    });
  }

  async function spend(workspaceId: string, quantity: number, when: string) {
    await consumeCredits(prisma(), { workspaceId, serviceKey, quantity, idempotencyKey: `use:${randomUUID()}`, actor: { type: "SYSTEM" } }, at(when));
  }

  async function takeBack(paymentId: string, data: { amountRefundedCents?: number; amountDisputedCents?: number; status?: "PARTIALLY_REFUNDED" }, when: string) {
    await prisma().payment.update({ where: { id: paymentId }, data });
    await prisma().$transaction((tx) => settlePaymentClawback(tx, paymentId, { key: `clawback:${randomUUID()}`, reference: { type: "stripe_charge", id: "ch_test" } }, at(when)));
  }

  async function plan(name: string, prices: { version: number; cents: number; priceId: string }[]) {
    const latest = prices.at(-1)!;
    return prisma().creditPackage.create({
      data: {
        slug: `${name.toLowerCase()}-${randomUUID().slice(0, 6)}`,
        name,
        interval: "MONTH",
        priceCents: latest.cents,
        credits: 200,
        version: latest.version,
        stripePriceId: latest.priceId,
        versions: { create: prices.map((p) => ({ version: p.version, name, priceCents: p.cents, currency: "usd", credits: 200, stripePriceId: p.priceId })) },
      },
    });
  }

  async function subscribe(workspaceId: string, packageId: string, stripePriceId: string, status: "ACTIVE" | "PAST_DUE" | "CANCELED") {
    await prisma().subscription.create({ data: { workspaceId, packageId, stripePriceId, status, stripeSubscriptionId: `sub_${randomUUID().slice(0, 8)}` } });
  }

  beforeAll(async () => {
    serviceKey = (await createService(prisma())).key;
    const [a, b, c, d, e] = [await workspace(), await workspace(), await workspace(), await workspace(), await workspace()];

    // A: a $50.00 pack of 500 credits; spends 200; $10.00 refunded → 100 credits clawed back;
    // a 50-credit promotion; spends 10 more (from the older purchase lot): lot 190, promo lot 50.
    const p1 = await pay(a, { interval: "ONE_TIME", cents: 5000, credits: 500, paidAt: "2026-03-01T10:00:00Z" });
    await spend(a, 200, "2026-03-02T10:00:00Z");
    await takeBack(p1.id, { amountRefundedCents: 1000, status: "PARTIALLY_REFUNDED" }, "2026-03-05T10:00:00Z");
    await grantCredits(prisma(), { workspaceId: a, type: "PROMO_BONUS", credits: 50, idempotencyKey: "promo:a", actor: { type: "SYSTEM" } }, at("2026-03-06T10:00:00Z"));
    await spend(a, 10, "2026-03-07T10:00:00Z");

    // B: a $19.99 plan invoice for 200 credits expiring 2026-03-01; spends 50; the sweep expires
    // 150 (breakage 150 × 1999/200 = 1499.25 → 1499 cents). Next invoice: 200 credits; spends 20,
    // and 5 today (after the last closed day, so summed live): lot 175.
    await pay(b, { interval: "MONTH", cents: 1999, credits: 200, paidAt: "2026-02-01T09:00:00Z", expiresAt: "2026-03-01T00:00:00Z" });
    await spend(b, 50, "2026-02-10T10:00:00Z");
    await expireCredits(prisma(), at("2026-03-01T06:00:00Z"));
    await pay(b, { interval: "MONTH", cents: 1999, credits: 200, paidAt: "2026-03-01T10:00:00Z", expiresAt: "2026-04-01T00:00:00Z" });
    await spend(b, 20, "2026-03-03T10:00:00Z");
    await spend(b, 5, "2026-03-15T09:00:00Z");

    // C: a $10.00 pack of 100 credits; spends 30; charged back in full → all 100 clawed back:
    // the lot gives its 70, the wallet owes 30.
    const p4 = await pay(c, { interval: "ONE_TIME", cents: 1000, credits: 100, paidAt: "2026-03-10T10:00:00Z" });
    await spend(c, 30, "2026-03-10T11:00:00Z");
    await prisma().dispute.create({ data: { workspaceId: c, kind: "CHARGEBACK", reason: "fraudulent", creditsRequested: 100, paymentId: p4.id, createdAt: new Date("2026-03-11T10:00:00Z") } });
    await takeBack(p4.id, { amountDisputedCents: 1000 }, "2026-03-11T10:00:00Z");

    // D: a failed $49.99 payment (no credits).
    await prisma().payment.create({ data: { workspaceId: d, interval: "ONE_TIME", status: "FAILED", amountCents: 4999, credits: 500, createdAt: new Date("2026-03-08T10:00:00Z") } });

    // Subscriptions: Starter at $19.99 (B); Growth moved from $49.99 to $59.99, D past due on the
    // old price and E active on the new; A's cancelled one counts for nothing.
    const starter = await plan("Starter", [{ version: 1, cents: 1999, priceId: `price_s_${randomUUID()}` }]);
    const growthOld = `price_g1_${randomUUID()}`;
    const growthNew = `price_g2_${randomUUID()}`;
    const growth = await plan("Growth", [
      { version: 1, cents: 4999, priceId: growthOld },
      { version: 2, cents: 5999, priceId: growthNew },
    ]);
    await subscribe(b, starter.id, starter.stripePriceId!, "ACTIVE");
    await subscribe(d, growth.id, growthOld, "PAST_DUE");
    await subscribe(e, growth.id, growthNew, "ACTIVE");
    await subscribe(a, growth.id, growthNew, "CANCELED");
  });

  it("nets refunds and chargebacks out of revenue, on the day of the payment", async () => {
    const report = await financeReport(prisma(), 90, NOW);
    // Gross 5000 + 1999 + 1999 + 1000 = 9998; refunds 1000; chargebacks 1000; net 7998.
    expect(report.revenue.total).toMatchObject({ payments: 4, grossCents: 9998, refundsCents: 1000, chargebacksCents: 1000, netCents: 7998 });
    // Packs 6000 gross, 4000 net; subscriptions 3998 either way.
    expect(report.revenue.total).toMatchObject({ packsCents: 6000, netPacksCents: 4000, subscriptionsCents: 3998, netSubscriptionsCents: 3998 });
    const day = (d: string) => report.revenue.daily.find((row) => row.period === d);
    expect(day("2026-03-01")).toMatchObject({ payments: 2, grossCents: 6999, netCents: 5999 });
    expect(day("2026-03-10")).toMatchObject({ payments: 1, grossCents: 1000, chargebacksCents: 1000, netCents: 0 });
    expect(day("2026-02-01")).toMatchObject({ netCents: 1999 });
    expect(report.revenue.daily).toHaveLength(90);
    expect(report.revenue.monthly.map((m) => [m.period, m.netCents])).toEqual([
      ["2025-12", 0],
      ["2026-01", 0],
      ["2026-02", 1999],
      ["2026-03", 5999],
    ]);
  });

  it("counts credits issued, consumed and expired, and the breakage of the expired paid credits", async () => {
    const report = await financeReport(prisma(), 90, NOW);
    // Issued 500 + 200 + 200 + 100 + 50 = 1050; consumed 200 + 10 + 50 + 20 + 5 + 30 = 315.
    expect(report.credits).toMatchObject({ issued: 1050, consumed: 315, expired: 150, breakageCents: 1499 });
    expect(report.credits.byType.find((t) => t.type === "PAYMENT_REFUND_CLAWBACK")).toMatchObject({ entries: 2, creditsOut: 200 });
    expect(report.credits.daily.find((d) => d.day === "2026-03-15")).toMatchObject({ consumed: 5 });
    // The same again, now read from the rollup.
    expect((await financeReport(prisma(), 90, NOW)).credits).toEqual(report.credits);
  });

  it("values outstanding paid credits at what was paid for them; promotional credits carry none", async () => {
    const { liability } = await financeReport(prisma(), 30, NOW);
    // Live lots: A 190 (paid, 10¢ each) + A 50 (promo) + B 175 (paid, 1999/200¢ each) = 415.
    // 190 × 10 = 1900; 175 × 9.995 = 1749.125 → 1749; total 3649. C owes 30.
    expect(liability).toEqual({ outstandingCredits: 415, paidOutstandingCredits: 365, liabilityCents: 3649, debtCredits: 30 });
  });

  it("gives MRR at each subscriber's own price, the dispute rate and failed payments", async () => {
    const report = await financeReport(prisma(), 90, NOW);
    expect(report.plans.rows.map((p) => [p.name, p.subscriptions, p.mrrCents])).toEqual([
      ["Growth", 2, 4999 + 5999],
      ["Starter", 1, 1999],
    ]);
    expect(report.plans.mrrCents).toBe(12997);
    expect(report.health).toEqual({ paidPayments: 4, chargebacks: 1, disputeRate: 0.25, failedPayments: 1, failedCents: 4999 });
  });

  describe("a 7-day window (from 2026-03-09)", () => {
    it("holds only the chargeback-cancelled pack and this week's credits", async () => {
      const report = await financeReport(prisma(), 7, NOW);
      expect(report.revenue.total).toMatchObject({ payments: 1, grossCents: 1000, netCents: 0 });
      expect(report.credits).toMatchObject({ issued: 100, consumed: 35, expired: 0, breakageCents: 0 });
      expect(report.health).toMatchObject({ chargebacks: 1, failedPayments: 0, disputeRate: 1 });
    });
  });

  it("exports a table as CSV for an admin, and refuses an unknown range or table", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const plans = await callRoute(financeExport, { cookie, path: "/api/admin/finance/export?table=plans&days=7" });
    expect([plans.status, plans.headers.get("content-type")]).toEqual([200, "text/csv; charset=utf-8"]);
    expect(plans.headers.get("content-disposition")).toBe('attachment; filename="finance-plans-7d.csv"');
    const lines = plans.text.trim().split("\r\n");
    expect(lines[0]).toBe("package_id,plan,active_subscriptions,mrr_cents");
    expect(lines.slice(1).map((line) => line.split(",").slice(1).join(","))).toEqual(["Growth,2,10998", "Starter,1,1999"]);
    for (const query of ["table=plans&days=14", "table=secrets&days=7"]) {
      expect([query, (await callRoute(financeExport, { cookie, path: `/api/admin/finance/export?${query}` })).status]).toEqual([query, 422]);
    }
  });

  it("leaves the ledger consistent", async () => {
    await expectLedgerInvariants(prisma());
  });
});
