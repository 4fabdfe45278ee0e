import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as approvals from "@/app/api/admin/approvals/route";
import * as approval from "@/app/api/admin/approvals/[requestId]/approval/route";
import * as rejection from "@/app/api/admin/approvals/[requestId]/rejection/route";
import * as credits from "@/app/api/admin/workspaces/[workspaceId]/credits/route";
import { approveAdjustmentRequest } from "@/services/admin/approve-adjustment-request";
import { DomainError } from "@/lib/errors";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { createAccount } from "../fixtures/accounts";
import { createFundedAccount } from "../fixtures/credits";

// The default policy (lib/env.ts): above 5,000 credits or $500 an adjustment waits for approval.
const LARGE = 6_000;

describeEachEngine("four-eyes credit adjustments", ({ prisma }) => {
  async function setUp(funded = 10_000) {
    const [requester, approver] = await Promise.all([createAccount(prisma(), { isPlatformAdmin: true }), createAccount(prisma(), { isPlatformAdmin: true })]);
    const customer = await createFundedAccount(prisma(), funded);
    return { requester, approver, customer, requesterCookie: await sessionCookie(requester.user.id), approverCookie: await sessionCookie(approver.user.id) };
  }
  const balance = async (workspaceId: string) => (await prisma().wallet.findUniqueOrThrow({ where: { workspaceId } })).balance;
  const entries = (workspaceId: string) => prisma().ledgerEntry.count({ where: { workspaceId } });

  it("add and remove sent twice under one key change the balance once, with one audit row each", async () => {
    const { customer, requester, requesterCookie } = await setUp(100);
    const params = { workspaceId: customer.workspace.id };
    for (const body of [{ direction: "add", credits: 40, reason: "goodwill" }, { direction: "remove", credits: 25, reason: "duplicate grant" }]) {
      const idempotencyKey = randomUUID();
      const first = await callRoute(credits.POST, { cookie: requesterCookie, params, idempotencyKey, body });
      const again = await callRoute(credits.POST, { cookie: requesterCookie, params, idempotencyKey, body });
      expect([first.status, again.status, again.body]).toEqual([201, 200, first.body]);
    }
    expect(await balance(customer.workspace.id)).toBe(100 + 40 - 25);
    const audit = await prisma().auditLog.findMany({ where: { actorId: requester.user.id, action: { startsWith: "credits." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.before, (row.after as { balance: number }).balance])).toEqual([
      ["credits.added", { balance: 100 }, 140],
      ["credits.removed", { balance: 140 }, 115],
    ]);
  });

  it("a large removal changes nothing until a different admin approves it, then exactly once", async () => {
    const { customer, requester, approver, requesterCookie, approverCookie } = await setUp();
    const workspaceId = customer.workspace.id;
    const body = { direction: "remove", credits: LARGE, reason: "chargeback on invoice 42" };
    const idempotencyKey = randomUUID();
    const requested = await callRoute(credits.POST, { cookie: requesterCookie, params: { workspaceId }, idempotencyKey, body });
    expect([requested.status, requested.body.status, requested.body.request.status]).toEqual([202, "pending_approval", "PENDING"]);
    const requestedAgain = await callRoute(credits.POST, { cookie: requesterCookie, params: { workspaceId }, idempotencyKey, body });
    expect([requestedAgain.status, requestedAgain.body.request.id]).toEqual([200, requested.body.request.id]);
    const otherBody = await callRoute(credits.POST, { cookie: requesterCookie, params: { workspaceId }, idempotencyKey, body: { ...body, credits: LARGE + 1 } });
    expect([otherBody.status, otherBody.body.code]).toEqual([409, "idempotency_mismatch"]);
    expect([await balance(workspaceId), await entries(workspaceId)]).toEqual([10_000, 1]);

    const params = { requestId: requested.body.request.id };
    const pending = await callRoute(approvals.GET, { cookie: approverCookie });
    expect(pending.body.data.map((row: { id: string }) => row.id)).toContain(params.requestId);

    const selfApproval = await callRoute(approval.POST, { cookie: requesterCookie, params, idempotencyKey: randomUUID() });
    expect([selfApproval.status, selfApproval.headers.get("content-type"), selfApproval.body.code]).toEqual([403, "application/problem+json", "self_approval"]);
    const selfRejection = await callRoute(rejection.POST, { cookie: requesterCookie, params, idempotencyKey: randomUUID(), body: { reason: "changed my mind" } });
    expect(selfRejection.body.code).toBe("self_approval");
    expect([await balance(workspaceId), await entries(workspaceId)]).toEqual([10_000, 1]);

    const approved = await callRoute(approval.POST, { cookie: approverCookie, params, idempotencyKey: randomUUID() });
    expect([approved.status, approved.body.status, approved.body.decidedById]).toEqual([200, "APPROVED", approver.user.id]);
    const approvedAgain = await callRoute(approval.POST, { cookie: approverCookie, params, idempotencyKey: randomUUID() });
    expect([approvedAgain.status, approvedAgain.body.ledgerEntryId]).toEqual([200, approved.body.ledgerEntryId]);
    const third = await createAccount(prisma(), { isPlatformAdmin: true });
    const late = await callRoute(approval.POST, { cookie: await sessionCookie(third.user.id), params, idempotencyKey: randomUUID() });
    expect([late.status, late.body.code]).toEqual([409, "conflict"]);
    expect([await balance(workspaceId), await entries(workspaceId)]).toEqual([10_000 - LARGE, 2]);

    const entry = await prisma().ledgerEntry.findUniqueOrThrow({ where: { id: approved.body.ledgerEntryId } });
    expect([entry.amount, entry.type, entry.actorId, entry.description]).toEqual([-LARGE, "ADMIN_ADJUSTMENT", approver.user.id, body.reason]);
    const audit = await prisma().auditLog.findMany({ where: { targetId: params.requestId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId, row.before, (row.after as { status: string }).status])).toEqual([
      ["credit_adjustment.requested", requester.user.id, { balance: 10_000 }, "PENDING"],
      ["credit_adjustment.approved", approver.user.id, { status: "PENDING", balance: 10_000 }, "APPROVED"],
    ]);
  });

  it("two admins approving the same request at once apply it once", async () => {
    const { customer, requesterCookie } = await setUp();
    const workspaceId = customer.workspace.id;
    const requested = await callRoute(credits.POST, { cookie: requesterCookie, params: { workspaceId }, idempotencyKey: randomUUID(), body: { direction: "add", credits: LARGE, reason: "enterprise onboarding" } });
    const admins = await Promise.all([0, 1, 2].map(() => createAccount(prisma(), { isPlatformAdmin: true })));
    const outcomes = await Promise.allSettled(admins.map((admin) => approveAdjustmentRequest(prisma(), { requestId: requested.body.request.id, adminId: admin.user.id })));
    const codes = outcomes.map((outcome) => (outcome.status === "fulfilled" ? "approved" : outcome.reason instanceof DomainError ? outcome.reason.code : String(outcome.reason)));
    expect(codes.sort()).toEqual(["approved", "conflict", "conflict"]);
    expect([await balance(workspaceId), await entries(workspaceId)]).toEqual([10_000 + LARGE, 2]);
    expect(await prisma().auditLog.count({ where: { action: "credit_adjustment.approved", targetId: requested.body.request.id } })).toBe(1);
  });

  it("a rejected request never touches the ledger and cannot be approved afterwards", async () => {
    const { customer, approver, requesterCookie, approverCookie } = await setUp();
    const workspaceId = customer.workspace.id;
    const requested = await callRoute(credits.POST, { cookie: requesterCookie, params: { workspaceId }, idempotencyKey: randomUUID(), body: { direction: "add", credits: LARGE, reason: "promised on a call" } });
    const params = { requestId: requested.body.request.id };
    const noReason = await callRoute(rejection.POST, { cookie: approverCookie, params, idempotencyKey: randomUUID(), body: { reason: "" } });
    expect(noReason.status).toBe(422);
    const rejected = await callRoute(rejection.POST, { cookie: approverCookie, params, idempotencyKey: randomUUID(), body: { reason: "no record of that call" } });
    expect([rejected.status, rejected.body.status, rejected.body.rejectionReason]).toEqual([200, "REJECTED", "no record of that call"]);
    const approveLater = await callRoute(approval.POST, { cookie: approverCookie, params, idempotencyKey: randomUUID() });
    expect([approveLater.status, approveLater.body.code]).toEqual([409, "conflict"]);
    expect([await balance(workspaceId), await entries(workspaceId)]).toEqual([10_000, 1]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "credit_adjustment.rejected", targetId: params.requestId } });
    expect([audit.actorId, audit.before, audit.after]).toEqual([approver.user.id, { status: "PENDING" }, { status: "REJECTED", reason: "no record of that call", requestedById: requested.body.request.requestedById }]);
    const unknown = await callRoute(approval.POST, { cookie: approverCookie, params: { requestId: randomUUID() }, idempotencyKey: randomUUID() });
    expect(unknown.status).toBe(404);
  });
});
