// GET /api/admin/audit: admins find audit rows by actor, action, target, workspace and date, page
// by page, and export them as CSV. (Non-admins: the ADMIN_ROUTES table in admin-access.test.ts.)
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { GET as list } from "@/app/api/admin/audit/route";
import { createAccount } from "../fixtures/accounts";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";

describeEachEngine("admin audit log", ({ prisma }) => {
  let cookie = "";
  let adminEmail = "";
  let adminId = "";
  let workspaceId = "";
  const tag = randomUUID().slice(0, 8);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const admin = await createAccount(prisma(), { isPlatformAdmin: true });
    [cookie, adminEmail, adminId] = [await sessionCookie(admin.user.id), admin.user.email, admin.user.id];
    workspaceId = (await createAccount(prisma())).workspace.id;
    const row = (name: string, data: { actorType: "ADMIN" | "STRIPE"; action: string; at: string; workspace?: boolean; before?: object; after?: object }) =>
      prisma()
        .auditLog.create({
          data: {
            actorType: data.actorType,
            actorId: data.actorType === "ADMIN" ? adminId : null,
            action: `${tag}.${data.action}`,
            targetType: "workspace",
            targetId: `target-${name}`,
            workspaceId: data.workspace ? workspaceId : null,
            before: data.before,
            after: data.after,
            createdAt: new Date(data.at),
          },
        })
        .then((created) => (ids[name] = created.id));
    await row("add", { actorType: "ADMIN", action: "credits.added", at: "2026-01-10T10:00:00Z", workspace: true, before: { balance: 0 }, after: { balance: 50 } });
    await row("remove", { actorType: "ADMIN", action: "credits.removed", at: "2026-01-11T23:59:59Z", workspace: true, before: { balance: 50 }, after: { balance: 20 } });
    await row("replay", { actorType: "STRIPE", action: "stripe_event.replayed", at: "2026-01-12T00:00:00Z" });
  });

  const fetch = async (query: string) => {
    const response = await callRoute(list, { cookie, path: `/api/admin/audit?${query}` });
    expect(response.status, response.text).toBe(200);
    return response.body as { data: { id: string; actorEmail: string | null; workspaceName: string | null }[]; nextCursor: string | null };
  };
  const names = (page: { data: { id: string }[] }) => page.data.map((r) => Object.keys(ids).find((k) => ids[k] === r.id));

  it("filters by action prefix, actor, target, workspace and UTC days, newest first", async () => {
    expect(names(await fetch(`action=${tag}.`))).toEqual(["replay", "remove", "add"]);
    expect(names(await fetch(`action=${tag}.credits.`))).toEqual(["remove", "add"]);
    expect(names(await fetch(`action=${tag}.&actor=${encodeURIComponent(adminEmail)}`))).toEqual(["remove", "add"]);
    expect(names(await fetch(`action=${tag}.&actor=stripe`))).toEqual(["replay"]);
    expect(names(await fetch(`action=${tag}.&actor=nobody@example.test`))).toEqual([]);
    expect(names(await fetch(`target=target-add`))).toEqual(["add"]);
    expect(names(await fetch(`action=${tag}.&workspace=${workspaceId}`))).toEqual(["remove", "add"]);
    // "to" includes its whole day; "from" starts at midnight UTC.
    expect(names(await fetch(`action=${tag}.&from=2026-01-11&to=2026-01-11`))).toEqual(["remove"]);
    expect(names(await fetch(`action=${tag}.&from=2026-01-12`))).toEqual(["replay"]);
    const page = await fetch(`target=target-add`);
    expect(page.data[0]).toMatchObject({ actorEmail: adminEmail, workspaceName: expect.any(String), before: { balance: 0 }, after: { balance: 50 } });
  });

  it("pages with a keyset cursor", async () => {
    const first = await fetch(`action=${tag}.&limit=2`);
    expect(names(first)).toEqual(["replay", "remove"]);
    const second = await fetch(`action=${tag}.&limit=2&cursor=${first.nextCursor}`);
    expect([names(second), second.nextCursor]).toEqual([["add"], null]);
  });

  it("exports every match as CSV", async () => {
    const response = await callRoute(list, { cookie, path: `/api/admin/audit?action=${tag}.credits.&format=csv` });
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = response.text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("id,created_at,actor_type,actor_id,actor_email,action,target_type,target_id,workspace_id,workspace_name,before,after");
    expect(lines[1]).toContain(`${tag}.credits.removed`);
    expect(lines[1]).toContain('"{""balance"":50}"');
  });

  it("refuses malformed filters", async () => {
    for (const query of ["workspace=nope", "from=2026-13-01", "action=%25", "limit=0", "cursor=x"]) {
      expect([query, (await callRoute(list, { cookie, path: `/api/admin/audit?${query}` })).status]).toEqual([query, 422]);
    }
  });
});
