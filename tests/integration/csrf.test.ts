import { expect, it } from "vitest";
import { POST as signUp } from "@/app/api/auth/signup/route";
import * as workspace from "@/app/api/workspaces/[workspaceId]/route";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { createAccount } from "../fixtures/accounts";

describeEachEngine("cross-site request forgery", ({ prisma }) => {
  it("refuses state changes from another site and changes nothing", async () => {
    const account = await createAccount(prisma(), { name: "Original" });
    const cookie = await sessionCookie(account.user.id);
    const params = { workspaceId: account.workspace.id };
    const usersBefore = await prisma().user.count();
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      const rename = await callRoute(workspace.PATCH, { method: "PATCH", cookie, params, headers, body: { name: "Pwned" } });
      expect([headers, rename.status, rename.body.code]).toEqual([headers, 403, "cross_site_request"]);
      const created = await callRoute(signUp, { headers, body: { name: "X", email: `csrf-${Math.random()}@example.test`, password: "long-enough-password" } });
      expect([headers, created.status, created.body.code]).toEqual([headers, 403, "cross_site_request"]);
    }
    expect((await prisma().workspace.findUniqueOrThrow({ where: { id: account.workspace.id } })).name).toBe(account.workspace.name);
    expect(await prisma().user.count()).toBe(usersBefore);
  });

  it("accepts the same origin, and clients that send no browser headers", async () => {
    const account = await createAccount(prisma());
    const cookie = await sessionCookie(account.user.id);
    const params = { workspaceId: account.workspace.id };
    const sameSite: Record<string, string>[] = [{ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, {}];
    for (const headers of sameSite) {
      const rename = await callRoute(workspace.PATCH, { method: "PATCH", cookie, params, headers, body: { name: "Renamed" } });
      expect([headers, rename.status, rename.body.name]).toEqual([headers, 200, "Renamed"]);
    }
    const created = await callRoute(signUp, {
      headers: { origin: "http://localhost:3000" },
      body: { name: "Same origin", email: `same-origin-${Math.random().toString(36).slice(2)}@example.test`, password: "long-enough-password" },
    });
    expect(created.status).toBe(201);
  });
});
