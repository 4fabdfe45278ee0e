import { expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { appealDispute } from "@/services/disputes/appeal-dispute";
import { assignDispute } from "@/services/disputes/assign-dispute";
import { countOverdueDisputes } from "@/services/disputes/count-overdue-disputes";
import { DEFAULT_DISPUTE_SETTINGS } from "@/services/disputes/dispute-settings";
import { openDispute } from "@/services/disputes/open-dispute";
import { rejectDispute } from "@/services/disputes/reject-dispute";
import { resolveDispute } from "@/services/disputes/resolve-dispute";
import { sendSlaDigest } from "@/services/disputes/send-sla-digest";
import { startReview } from "@/services/disputes/start-review";
import { describeEachEngine } from "../helpers/engines";
import { expectLedgerInvariants } from "../helpers/invariants";
import { createAdmins, customerWithCharge, key, movableClock } from "../fixtures/disputes";

const settings = DEFAULT_DISPUTE_SETTINGS;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describeEachEngine("dispute workflow", ({ prisma }) => {
  async function opened(clock = movableClock()) {
    const customer = await customerWithCharge(prisma(), { clock });
    const admins = await createAdmins(prisma());
    const options = { clock, settings };
    const { dispute } = await openDispute(prisma(), { ledgerEntryId: customer.charge.entryId, reason: "service_failed", explanation: "The service returned nothing.", userId: customer.user.id, idempotencyKey: key() }, options);
    const as = (who: { adminId: string; role: "ADMIN" | "SENIOR_ADMIN" }) => ({ ...who, idempotencyKey: key() });
    return { customer, admins, dispute, options, clock, as };
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;

  it("opens with the disputed amount and an SLA, and walks OPEN → UNDER_REVIEW → partial → APPEALED → full (senior)", async () => {
    const { customer, admins, dispute, options, clock, as } = await opened();
    expect(dispute).toMatchObject({ status: "OPEN", creditsRequested: 100, creditsRefunded: 0, overdue: false });
    expect(dispute.dueAt.getTime() - dispute.createdAt.getTime()).toBe(48 * 3_600_000);
    expect(await balance(customer.workspace.id)).toBe(900);

    await assignDispute(prisma(), dispute.id, {}, as(admins.admin), options);
    await startReview(prisma(), dispute.id, {}, as(admins.admin), options);
    const partial = await resolveDispute(prisma(), dispute.id, { outcome: "partial_refund", credits: 30, message: "Part of the calls failed." }, as(admins.admin), options);
    expect(partial.dispute).toMatchObject({ status: "RESOLVED_PARTIAL_REFUND", creditsRefunded: 30 });
    expect(await balance(customer.workspace.id)).toBe(930);

    clock.advanceDays(13);
    const appealed = await appealDispute(prisma(), { disputeId: dispute.id, explanation: "All of them failed, see logs.", userId: customer.user.id, idempotencyKey: key() }, options);
    expect(appealed.dispute).toMatchObject({ status: "APPEALED", appealLevel: 1, firstResponseAt: null });

    // An ordinary admin cannot decide an appeal.
    expect((await rejection(resolveDispute(prisma(), dispute.id, { outcome: "full_refund", message: "ok" }, as(admins.admin), options))).code).toBe("forbidden");
    const full = await resolveDispute(prisma(), dispute.id, { outcome: "full_refund", message: "Refunding the rest." }, as(admins.senior), options);
    expect(full.dispute).toMatchObject({ status: "RESOLVED_FULL_REFUND", creditsRefunded: 100, appealableUntil: null });
    expect(await balance(customer.workspace.id)).toBe(1000);

    const refunds = await prisma().ledgerEntry.findMany({ where: { reversesId: customer.charge.entryId }, orderBy: { sequence: "asc" } });
    expect(refunds.map((e) => [e.type, e.amount, e.referenceId])).toEqual([["DISPUTE_REFUND", 30, dispute.id], ["DISPUTE_REFUND", 70, dispute.id]]);
    expect(full.dispute.events.map((e) => e.action)).toEqual(["opened", "assigned", "review_started", "resolved", "appealed", "resolved"]);
    const audits = await prisma().auditLog.findMany({ where: { targetType: "dispute", targetId: dispute.id } });
    expect(audits.map((a) => a.action).sort()).toEqual(["dispute.appealed", "dispute.assigned", "dispute.opened", "dispute.resolved", "dispute.resolved", "dispute.review_started"]);
    const mails = await prisma().emailOutbox.findMany({ where: { to: customer.user.email, kind: "dispute-decision" }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual(["Your credit dispute has been decided", "Your appeal has been decided"]);
    expect(mails[0]!.text).toContain("30 credits of the 100 credits");
    expect(mails[1]!.text).toContain("In total 100 credits of 100 credits");
    await expectLedgerInvariants(prisma());
  });

  it("refuses every illegal transition with illegal_transition and changes nothing", async () => {
    const { admins, dispute, options, as, customer } = await opened();
    const appeal = () => appealDispute(prisma(), { disputeId: dispute.id, explanation: "Please look again at it.", userId: customer.user.id, idempotencyKey: key() }, options);
    // OPEN: no decision before review, no appeal.
    expect((await rejection(resolveDispute(prisma(), dispute.id, { outcome: "explained", message: "Fine" }, as(admins.admin), options))).code).toBe("illegal_transition");
    expect((await rejection(rejectDispute(prisma(), dispute.id, { message: "No" }, as(admins.admin), options))).code).toBe("illegal_transition");
    expect((await rejection(appeal())).code).toBe("illegal_transition");
    await startReview(prisma(), dispute.id, {}, as(admins.admin), options);
    expect((await rejection(startReview(prisma(), dispute.id, {}, as(admins.admin), options))).code).toBe("illegal_transition");
    expect((await rejection(appeal())).code).toBe("illegal_transition");
    await resolveDispute(prisma(), dispute.id, { outcome: "explained", message: "The calls succeeded." }, as(admins.admin), options);
    // Decided with an explanation: final; no appeal, no second decision, no assignment.
    for (const attempt of [
      () => rejectDispute(prisma(), dispute.id, { message: "No" }, as(admins.admin), options),
      () => resolveDispute(prisma(), dispute.id, { outcome: "full_refund", message: "Yes" }, as(admins.senior), options),
      () => assignDispute(prisma(), dispute.id, {}, as(admins.admin), options),
      () => startReview(prisma(), dispute.id, {}, as(admins.admin), options),
      appeal,
    ]) {
      expect((await rejection(attempt())).code).toBe("illegal_transition");
    }
    const row = await prisma().dispute.findUniqueOrThrow({ where: { id: dispute.id }, include: { events: true } });
    expect(row).toMatchObject({ status: "RESOLVED_EXPLAINED", creditsRefunded: 0 });
    expect(row.events).toHaveLength(3);
    expect(await balance(customer.workspace.id)).toBe(900);
  });

  it("replays a repeated decision under the same key, and answers 409 to a different one", async () => {
    const { admins, dispute, options, as } = await opened();
    await startReview(prisma(), dispute.id, {}, as(admins.admin), options);
    const caller = as(admins.admin);
    const first = await rejectDispute(prisma(), dispute.id, { message: "Usage is correct." }, caller, options);
    const again = await rejectDispute(prisma(), dispute.id, { message: "Usage is correct." }, caller, options);
    expect(again).toMatchObject({ replayed: true, dispute: { status: "REJECTED" } });
    expect(again.dispute.events).toEqual(first.dispute.events);
    expect((await rejection(resolveDispute(prisma(), dispute.id, { outcome: "full_refund", message: "x y z" }, caller, options))).code).toBe("idempotency_mismatch");
    expect((await rejection(resolveDispute(prisma(), dispute.id, { outcome: "full_refund", message: "x y z" }, as(admins.admin), options))).code).toBe("illegal_transition");
    expect(await prisma().disputeEvent.count({ where: { disputeId: dispute.id } })).toBe(3);
  });

  it("allows one appeal, only within 14 days, and a rejected appeal is final", async () => {
    const late = await opened();
    await startReview(prisma(), late.dispute.id, {}, late.as(late.admins.admin), late.options);
    await rejectDispute(prisma(), late.dispute.id, { message: "Correct charge." }, late.as(late.admins.admin), late.options);
    late.clock.advanceDays(14);
    late.clock.advanceHours(1);
    const appealLate = appealDispute(prisma(), { disputeId: late.dispute.id, explanation: "I disagree with this.", userId: late.customer.user.id, idempotencyKey: key() }, late.options);
    expect((await rejection(appealLate)).code).toBe("dispute_window_closed");

    const { dispute, admins, options, as, customer, clock } = await opened();
    await startReview(prisma(), dispute.id, {}, as(admins.admin), options);
    await rejectDispute(prisma(), dispute.id, { message: "Correct charge." }, as(admins.admin), options);
    clock.advanceDays(14);
    await appealDispute(prisma(), { disputeId: dispute.id, explanation: "I disagree with this.", userId: customer.user.id, idempotencyKey: key() }, options);
    await rejectDispute(prisma(), dispute.id, { message: "Still correct." }, as(admins.senior), options);
    const again = appealDispute(prisma(), { disputeId: dispute.id, explanation: "Once more, please.", userId: customer.user.id, idempotencyKey: key() }, options);
    expect((await rejection(again)).code).toBe("illegal_transition");
  });

  it("opens only within 30 days of the entry, and only for the caller's own charges", async () => {
    const clock = movableClock();
    const customer = await customerWithCharge(prisma(), { clock });
    const stranger = await customerWithCharge(prisma(), { clock });
    const open = (userId: string, entryId: string) =>
      openDispute(prisma(), { ledgerEntryId: entryId, reason: "other", explanation: "Something is off here.", userId, idempotencyKey: key() }, { clock, settings });
    expect((await rejection(open(stranger.user.id, customer.charge.entryId))).code).toBe("not_found");
    const purchase = await prisma().ledgerEntry.findFirstOrThrow({ where: { workspaceId: customer.workspace.id, type: "PURCHASE" } });
    expect((await rejection(open(customer.user.id, purchase.id))).code).toBe("validation_failed");
    clock.advanceDays(30);
    clock.advanceHours(1);
    expect((await rejection(open(customer.user.id, customer.charge.entryId))).code).toBe("dispute_window_closed");
    expect(await prisma().dispute.count({ where: { workspaceId: { in: [customer.workspace.id, stranger.workspace.id] } } })).toBe(0);
    const settingsOf60 = { ...settings, disputeWindowDays: 60 };
    await expect(openDispute(prisma(), { ledgerEntryId: customer.charge.entryId, reason: "other", explanation: "Something is off here.", userId: customer.user.id, idempotencyKey: key() }, { clock, settings: settingsOf60 })).resolves.toBeDefined();
  });

  it("caps refunds at the disputed amount, in the database too", async () => {
    const { dispute, admins, options, as, customer } = await opened();
    await startReview(prisma(), dispute.id, {}, as(admins.admin), options);
    expect((await rejection(resolveDispute(prisma(), dispute.id, { outcome: "partial_refund", credits: 100, message: "Too much" }, as(admins.admin), options))).code).toBe("validation_failed");
    await resolveDispute(prisma(), dispute.id, { outcome: "partial_refund", credits: 60, message: "Most of it." }, as(admins.admin), options);
    await expect(prisma().$executeRawUnsafe(`UPDATE disputes SET credits_refunded = 101 WHERE id = '${dispute.id}'`)).rejects.toThrow(/check constraint/);
    await appealDispute(prisma(), { disputeId: dispute.id, explanation: "The rest failed too.", userId: customer.user.id, idempotencyKey: key() }, options);
    expect((await rejection(resolveDispute(prisma(), dispute.id, { outcome: "partial_refund", credits: 40, message: "Rest" }, as(admins.senior), options))).code).toBe("validation_failed");
    await resolveDispute(prisma(), dispute.id, { outcome: "partial_refund", credits: 39, message: "Nearly all." }, as(admins.senior), options);
    const refunded = await prisma().ledgerEntry.aggregate({ where: { reversesId: customer.charge.entryId }, _sum: { amount: true } });
    expect(refunded._sum.amount).toBe(99);
    expect(await balance(customer.workspace.id)).toBe(999);
    await expectLedgerInvariants(prisma());
  });

  it("flags overdue disputes and sends admins one digest a day", async () => {
    const { dispute, admins, options, clock } = await opened();
    const before = await countOverdueDisputes(prisma(), clock);
    clock.advanceHours(49);
    expect(await countOverdueDisputes(prisma(), clock)).toBeGreaterThan(before);
    const digest = await sendSlaDigest(prisma(), options);
    expect(digest.disputes).toBeGreaterThanOrEqual(1);
    const mail = await prisma().emailOutbox.findFirstOrThrow({ where: { to: admins.senior.account.user.email, kind: "dispute-sla-digest" } });
    expect(mail.text).toContain(`/admin/disputes/${dispute.id}`);
    expect(await sendSlaDigest(prisma(), options)).toEqual(digest);
    expect(await prisma().emailOutbox.count({ where: { to: admins.senior.account.user.email, kind: "dispute-sla-digest" } })).toBe(1);
    await assignDispute(prisma(), dispute.id, {}, { ...admins.admin, idempotencyKey: key() }, options);
    expect((await prisma().dispute.findUniqueOrThrow({ where: { id: dispute.id } })).firstResponseAt).not.toBeNull();
  });
});
