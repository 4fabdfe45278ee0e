import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import * as walletStatus from "@/app/api/admin/workspaces/[workspaceId]/wallet-status/route";
import type { Clock } from "@/lib/clock";
import { resumeDueWallets } from "@/services/admin/resume-due-wallets";
import { setWalletPause } from "@/services/admin/set-wallet-pause";
import { getWalletPause } from "@/services/credits/get-wallet-pause";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { createAccount } from "../fixtures/accounts";

const at = (iso: string): Clock => ({ now: () => new Date(iso) });

describeEachEngine("wallet pause with a scheduled resume", ({ prisma }) => {
  it("pauses with a reason, tells the customer, and the sweep resumes it when due, once", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const customer = await createAccount(prisma());
    const workspaceId = customer.workspace.id;
    const resumeAt = new Date("2031-03-02T09:00:00Z");
    const actor = { type: "ADMIN" as const, id: admin.user.id };
    await setWalletPause(prisma(), { workspaceId, paused: true, reason: "Unusual usage under review", resumeAt, actor }, at("2031-03-01T09:00:00Z"));

    expect(await getWalletPause(prisma(), workspaceId)).toEqual({
      status: "PAUSED",
      pausedAt: new Date("2031-03-01T09:00:00Z"),
      pausedReason: "Unusual usage under review",
      resumeAt,
    });
    const paused = await prisma().emailOutbox.findFirstOrThrow({ where: { workspaceId, kind: "wallet-paused" } });
    expect(paused.to).toBe(customer.user.email);
    expect(paused.text).toContain("Unusual usage under review");
    expect(paused.text).toContain("2031");

    expect(await resumeDueWallets(prisma(), at("2031-03-02T08:59:59Z"))).toEqual({ resumed: 0 });
    expect((await getWalletPause(prisma(), workspaceId)).status).toBe("PAUSED");
    expect(await resumeDueWallets(prisma(), at("2031-03-02T09:00:00Z"))).toEqual({ resumed: 1 });
    expect(await getWalletPause(prisma(), workspaceId)).toEqual({ status: "ACTIVE", pausedAt: null, pausedReason: null, resumeAt: null });
    expect(await resumeDueWallets(prisma(), at("2031-03-02T10:00:00Z"))).toEqual({ resumed: 0 });

    expect(await prisma().emailOutbox.count({ where: { workspaceId, kind: "wallet-resumed" } })).toBe(1);
    const audit = await prisma().auditLog.findMany({ where: { workspaceId, action: { startsWith: "wallet." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((row) => [row.action, row.actorType, row.before, row.after])).toEqual([
      ["wallet.paused", "ADMIN", { status: "ACTIVE", reason: null, resumeAt: null }, { status: "PAUSED", reason: "Unusual usage under review", resumeAt: resumeAt.toISOString() }],
      ["wallet.resumed", "SYSTEM", { status: "PAUSED", reason: "Unusual usage under review", resumeAt: resumeAt.toISOString() }, { status: "ACTIVE", reason: null, resumeAt: null }],
    ]);
  });

  it("leaves a wallet paused until further notice, or resumed early by an admin, alone", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const [open, early] = await Promise.all([createAccount(prisma()), createAccount(prisma())]);
    const actor = { type: "ADMIN" as const, id: admin.user.id };
    await setWalletPause(prisma(), { workspaceId: open.workspace.id, paused: true, reason: "Fraud review", actor });
    await setWalletPause(prisma(), { workspaceId: early.workspace.id, paused: true, reason: "Fraud review", resumeAt: new Date("2031-01-01T00:00:00Z"), actor });
    await setWalletPause(prisma(), { workspaceId: early.workspace.id, paused: false, actor });
    expect(await resumeDueWallets(prisma(), at("2032-01-01T00:00:00Z"))).toEqual({ resumed: 0 });
    expect((await getWalletPause(prisma(), open.workspace.id)).status).toBe("PAUSED");
    expect(await prisma().auditLog.count({ where: { workspaceId: early.workspace.id, action: "wallet.resumed" } })).toBe(1);
  });

  it("a retried pause request under its key changes nothing, even after a resume", async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    const cookie = await sessionCookie(admin.user.id);
    const customer = await createAccount(prisma());
    const params = { workspaceId: customer.workspace.id };
    const pauseKey = randomUUID();
    const body = { paused: true, reason: "Card testing suspected", resumeAt: "2031-05-01T12:00:00.000Z" };
    const first = await callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: pauseKey, body });
    const again = await callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: pauseKey, body });
    expect([first.status, again.status, again.body]).toEqual([200, 200, first.body]);
    expect(first.body).toMatchObject({ status: "PAUSED", pausedReason: "Card testing suspected", resumeAt: "2031-05-01T12:00:00.000Z" });
    const resume = await callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: randomUUID(), body: { paused: false } });
    expect(resume.body.status).toBe("ACTIVE");
    const late = await callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: pauseKey, body });
    expect(late.body.status).toBe("ACTIVE");
    const reused = await callRoute(walletStatus.PUT, { cookie, params, method: "PUT", idempotencyKey: pauseKey, body: { paused: false } });
    expect([reused.status, reused.body.code]).toEqual([409, "idempotency_mismatch"]);
    const actions = await prisma().auditLog.findMany({ where: { workspaceId: customer.workspace.id, action: { startsWith: "wallet." } }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual(["wallet.paused", "wallet.resumed"]);
    expect(await prisma().emailOutbox.count({ where: { workspaceId: customer.workspace.id, kind: { in: ["wallet-paused", "wallet-resumed"] } } })).toBe(2);
  });
});
