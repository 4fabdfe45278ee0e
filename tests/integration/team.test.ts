// Team and workspaces through their routes: invitations (emailed in the same transaction, the
// link shown once), accepting, roles, removing and leaving, never without an owner.
import { expect, it } from "vitest";
import * as accept from "@/app/api/invitations/accept/route";
import * as currentWorkspace from "@/app/api/me/current-workspace/route";
import * as invitation from "@/app/api/workspaces/[workspaceId]/invitations/[invitationId]/route";
import * as invitations from "@/app/api/workspaces/[workspaceId]/invitations/route";
import * as lowBalance from "@/app/api/workspaces/[workspaceId]/low-balance/route";
import * as preferences from "@/app/api/workspaces/[workspaceId]/notification-preferences/route";
import * as member from "@/app/api/workspaces/[workspaceId]/members/[userId]/route";
import * as members from "@/app/api/workspaces/[workspaceId]/members/route";
import * as workspaces from "@/app/api/workspaces/route";
import { inviteMember } from "@/services/workspaces/invite-member";
import { createAccount } from "../fixtures/accounts";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("team and workspaces", ({ prisma }) => {
  async function teamWorkspace() {
    const owner = await createAccount(prisma(), { name: "Olive Owner" });
    const cookie = await sessionCookie(owner.user.id);
    const created = await callRoute(workspaces.POST, { cookie, body: { name: "Acme <Ops>" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Acme <Ops>", role: "OWNER", isPersonal: false, wallet: { balance: 0 } });
    return { owner, cookie, workspaceId: created.body.id as string };
  }

  async function invite(cookie: string, workspaceId: string, email: string, role = "MEMBER") {
    return callRoute(invitations.POST, { cookie, params: { workspaceId }, body: { email, role } });
  }

  async function join(email: string, acceptUrl: string) {
    const account = await createAccount(prisma(), { email });
    const cookie = await sessionCookie(account.user.id);
    const token = new URL(acceptUrl).pathname.split("/").pop()!;
    return { account, cookie, result: await callRoute(accept.POST, { cookie, body: { token } }) };
  }

  it("emails an invitation in the transaction that creates it, stores only the token's hash, and lets the invitee join", async () => {
    const { cookie, workspaceId } = await teamWorkspace();
    const invited = await invite(cookie, workspaceId, "  New.Person@Example.test ");
    expect(invited.status).toBe(201);
    expect(invited.headers.get("cache-control")).toBe("no-store");
    const acceptUrl = invited.body.acceptUrl as string;
    expect(acceptUrl).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = acceptUrl.split("/").pop()!;
    const [email] = await prisma().emailOutbox.findMany({ where: { to: "new.person@example.test", kind: "invite" } });
    expect(email).toMatchObject({ workspaceId, subject: "Olive Owner invited you to Acme <Ops>", status: "PENDING" });
    expect(email!.text).toContain(acceptUrl);
    expect(email!.html).toContain("Acme &lt;Ops&gt;");
    const stored = await prisma().workspaceInvitation.findUniqueOrThrow({ where: { id: invited.body.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect((await callRoute(members.GET, { cookie, params: { workspaceId } })).text).not.toContain(token);

    const { account, cookie: joinedCookie, result } = await join("new.person@example.test", acceptUrl);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ workspaceId, workspaceName: "Acme <Ops>", role: "MEMBER" });
    expect(result.headers.get("set-cookie")).toContain(`sb_workspace=${workspaceId}`);
    const team = await callRoute(members.GET, { cookie: joinedCookie, params: { workspaceId } });
    expect(team.body.members.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [expect.any(String), "OWNER"],
      [account.user.email, "MEMBER"],
    ]);
    expect(team.body.invitations).toEqual([]);
    // The link works once.
    const again = await callRoute(accept.POST, { cookie: joinedCookie, body: { token } });
    expect([again.status, again.body.code]).toEqual([422, "validation_failed"]);
  });

  it("leaves no invitation and no email behind when the invitation fails", async () => {
    const { cookie, workspaceId, owner } = await teamWorkspace();
    const refused = await invite(cookie, workspaceId, owner.user.email.toUpperCase());
    expect([refused.status, refused.body.code, refused.body.detail]).toEqual([409, "conflict", `${owner.user.email} is already a member of Acme <Ops>`]);
    expect(await prisma().emailOutbox.count({ where: { to: owner.user.email, kind: "invite" } })).toBe(0);
    await expect(prisma().$transaction(async (tx) => {
      await inviteMember(tx, { workspaceId, actorId: owner.user.id, email: "rolled.back@example.test", role: "MEMBER" });
      throw new Error("abort");
    })).rejects.toThrow("abort");
    expect(await prisma().emailOutbox.count({ where: { to: "rolled.back@example.test" } })).toBe(0);
    expect(await prisma().workspaceInvitation.count({ where: { email: "rolled.back@example.test" } })).toBe(0);
  });

  it("refuses invitations from members, to other workspaces, and bad addresses", async () => {
    const { cookie, workspaceId } = await teamWorkspace();
    const invited = await invite(cookie, workspaceId, "plain.member@example.test");
    const { cookie: memberCookie } = await join("plain.member@example.test", invited.body.acceptUrl);
    expect((await invite(memberCookie, workspaceId, "x@example.test")).status).toBe(403);
    const stranger = await createAccount(prisma());
    expect((await invite(await sessionCookie(stranger.user.id), workspaceId, "x@example.test")).status).toBe(404);
    const bad = await invite(cookie, workspaceId, "not-an-email");
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([422, ["email"]]);
    expect((await invite(cookie, workspaceId, "x@example.test", "OWNER")).status).toBe(422);
  });

  it("withdraws an invitation and replaces an address's open one with a fresh link", async () => {
    const { cookie, workspaceId } = await teamWorkspace();
    const first = await invite(cookie, workspaceId, "twice@example.test");
    const second = await invite(cookie, workspaceId, "twice@example.test");
    const firstToken = first.body.acceptUrl.split("/").pop();
    const stale = await callRoute(accept.POST, { cookie: await sessionCookie((await createAccount(prisma())).user.id), body: { token: firstToken } });
    expect(stale.status).toBe(422);
    expect((await callRoute(invitation.DELETE, { method: "DELETE", cookie, params: { workspaceId, invitationId: second.body.id } })).status).toBe(204);
    expect((await callRoute(members.GET, { cookie, params: { workspaceId } })).body.invitations).toEqual([]);
    expect((await callRoute(invitation.DELETE, { method: "DELETE", cookie, params: { workspaceId, invitationId: second.body.id } })).status).toBe(404);
  });

  it("changes roles within the rules and never leaves a workspace without an owner", async () => {
    const { owner, cookie, workspaceId } = await teamWorkspace();
    const { account: admin, cookie: adminCookie } = await join("the.admin@example.test", (await invite(cookie, workspaceId, "the.admin@example.test", "ADMIN")).body.acceptUrl);
    const { account: plain, cookie: plainCookie } = await join("the.member@example.test", (await invite(cookie, workspaceId, "the.member@example.test")).body.acceptUrl);
    const setRole = (actorCookie: string, userId: string, role: string) => callRoute(member.PATCH, { method: "PATCH", cookie: actorCookie, params: { workspaceId, userId }, body: { role } });
    const remove = (actorCookie: string, userId: string) => callRoute(member.DELETE, { method: "DELETE", cookie: actorCookie, params: { workspaceId, userId } });

    expect((await setRole(plainCookie, admin.user.id, "MEMBER")).status).toBe(403);
    expect((await setRole(adminCookie, owner.user.id, "MEMBER")).status).toBe(403);
    expect((await setRole(adminCookie, plain.user.id, "OWNER")).status).toBe(403);
    expect((await setRole(adminCookie, plain.user.id, "ADMIN")).body).toEqual({ userId: plain.user.id, role: "ADMIN" });
    const lastOwner = await setRole(cookie, owner.user.id, "ADMIN");
    expect([lastOwner.status, lastOwner.body.detail]).toEqual([409, "A workspace needs an owner: make someone else an owner first"]);
    const leaving = await remove(cookie, owner.user.id);
    expect([leaving.status, leaving.body.detail]).toEqual([409, "You are the only owner: make someone else an owner before leaving"]);
    expect((await remove(adminCookie, owner.user.id)).status).toBe(403);

    expect((await setRole(cookie, admin.user.id, "OWNER")).status).toBe(200);
    // Two owners demoting each other at once: one wins; the other, no longer an owner or the
    // last one, is refused (403 or 409 by which committed first).
    const race = await Promise.all([setRole(cookie, admin.user.id, "MEMBER"), setRole(adminCookie, owner.user.id, "MEMBER")]);
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect(race.filter((r) => r.status === 403 || r.status === 409)).toHaveLength(1);
    expect(await prisma().membership.count({ where: { workspaceId, role: "OWNER" } })).toBe(1);

    expect((await remove(plainCookie, plain.user.id)).status).toBe(204);
    expect((await callRoute(members.GET, { cookie: plainCookie, params: { workspaceId } })).status).toBe(404);
    expect(await prisma().auditLog.count({ where: { workspaceId, action: { startsWith: "workspace.member" } } })).toBeGreaterThanOrEqual(6);
  });

  it("switches the current workspace only to one the user belongs to", async () => {
    const { cookie, workspaceId } = await teamWorkspace();
    const switched = await callRoute(currentWorkspace.POST, { cookie, body: { workspaceId } });
    expect([switched.status, switched.headers.get("set-cookie")]).toEqual([200, expect.stringContaining(`sb_workspace=${workspaceId}; Path=/`)]);
    const other = await createAccount(prisma());
    const refused = await callRoute(currentWorkspace.POST, { cookie, body: { workspaceId: other.workspace.id } });
    expect([refused.status, refused.headers.get("set-cookie")]).toEqual([404, null]);
  });

  it("lets each member choose optional mail for themselves, and owners and admins set the low-balance threshold", async () => {
    const { cookie, workspaceId } = await teamWorkspace();
    const { account: plain, cookie: plainCookie } = await join("chooser@example.test", (await invite(cookie, workspaceId, "chooser@example.test")).body.acceptUrl);
    const put = (handler: typeof preferences.PUT, actorCookie: string, body: unknown) => callRoute(handler, { method: "PUT", cookie: actorCookie, params: { workspaceId }, body });

    expect((await put(preferences.PUT, plainCookie, { kind: "plan_change", enabled: false })).status).toBe(204);
    expect(await prisma().notificationPreference.findMany({ where: { workspaceId }, select: { userId: true, kind: true, enabled: true } })).toEqual([{ userId: plain.user.id, kind: "plan_change", enabled: false }]);
    const transactional = await put(preferences.PUT, plainCookie, { kind: "receipt", enabled: false });
    expect([transactional.status, Object.keys(transactional.body.errors)]).toEqual([422, ["kind"]]);

    expect((await put(lowBalance.PUT, plainCookie, { thresholdCredits: 50 })).status).toBe(403);
    expect((await put(lowBalance.PUT, cookie, { thresholdCredits: -1 })).status).toBe(422);
    expect((await put(lowBalance.PUT, cookie, { thresholdCredits: 250 })).status).toBe(204);
    expect(await prisma().lowBalanceAlert.findUniqueOrThrow({ where: { workspaceId } })).toMatchObject({ thresholdCredits: 250 });
    expect(await prisma().auditLog.count({ where: { workspaceId, action: "workspace.low_balance_threshold_changed" } })).toBe(1);
  });
});
