import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { GET as listWorkspaces } from "@/app/api/admin/workspaces/route";
import { createDbClient } from "@/lib/db/client";
import { setPlatformRole } from "@/services/accounts/set-platform-role";
import { sessionCookie } from "../helpers/auth";
import { describeEachEngine } from "../helpers/engines";
import { callRoute } from "../helpers/http";
import { migrationScripts } from "../helpers/migrations";
import { createAccount } from "../fixtures/accounts";

const ROOT = path.join(import.meta.dirname, "../..");

/** `npm run admin -- …` against the embedded database in `dataDir`. */
const runAdminCommand = (args: string[], dataDir: string) =>
  spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/admin.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir },
    encoding: "utf8",
  });

describeEachEngine("platform admin role", ({ prisma }) => {
  const roleChanges = (userId: string) =>
    prisma().auditLog.findMany({ where: { action: "user.platform_role_changed", targetId: userId }, orderBy: { createdAt: "asc" } });

  it("is granted and revoked by the operator's service, at once and audited as SYSTEM", async () => {
    const account = await createAccount(prisma());
    const email = account.user.email;
    const cookie = await sessionCookie(account.user.id);
    expect((await callRoute(listWorkspaces, { cookie })).status).toBe(403);

    expect(await setPlatformRole(prisma(), { email, role: "ADMIN" })).toEqual({ userId: account.user.id, email, role: "ADMIN", isChanged: true });
    // The session opened before the grant: the role is read on every request.
    expect((await callRoute(listWorkspaces, { cookie })).status).toBe(200);

    expect(await setPlatformRole(prisma(), { email, role: "USER" })).toMatchObject({ role: "USER", isChanged: true });
    expect((await callRoute(listWorkspaces, { cookie })).status).toBe(403);

    const audit = await roleChanges(account.user.id);
    expect(audit.map(({ actorType, actorId, targetType, before, after }) => ({ actorType, actorId, targetType, before, after }))).toEqual([
      { actorType: "SYSTEM", actorId: null, targetType: "user", before: { role: "USER" }, after: { role: "ADMIN" } },
      { actorType: "SYSTEM", actorId: null, targetType: "user", before: { role: "ADMIN" }, after: { role: "USER" } },
    ]);
  });

  it("changes and records nothing when the user already has the role", async () => {
    const account = await createAccount(prisma());
    expect(await setPlatformRole(prisma(), { email: account.user.email, role: "USER" })).toMatchObject({ role: "USER", isChanged: false });
    expect(await roleChanges(account.user.id)).toEqual([]);
  });

  it("refuses an email with no account", async () => {
    await expect(setPlatformRole(prisma(), { email: "nobody@example.test", role: "ADMIN" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("npm run admin", () => {
  // One real run against a file-backed database (revoking is the same code path, tested above).
  it("grants from the command line, and refuses bad arguments or unknown accounts", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "streamline-admin-"));
    try {
      const pglite = new PGlite(dataDir);
      for (const script of migrationScripts()) await pglite.exec(script);
      await pglite.close();
      const setup = createDbClient({ kind: "pglite", dataDir });
      const account = await createAccount(setup.prisma, { email: "staff@example.test" }).finally(() => setup.close());

      expect(runAdminCommand(["promote", "staff@example.test"], dataDir)).toMatchObject({ status: 2, stderr: expect.stringContaining("Usage: npm run admin") });
      expect(runAdminCommand(["grant", "not-an-email"], dataDir)).toMatchObject({ status: 2, stderr: expect.stringContaining("Enter a valid email address") });
      expect(runAdminCommand(["grant", "nobody@example.test"], dataDir)).toMatchObject({ status: 1, stderr: expect.stringContaining("No account with the email") });
      expect(runAdminCommand(["grant", "Staff@Example.test"], dataDir)).toMatchObject({ status: 0, stdout: expect.stringContaining("staff@example.test is now a platform admin") });
      expect(runAdminCommand(["grant-senior", "staff@example.test"], dataDir)).toMatchObject({ status: 0, stdout: expect.stringContaining("staff@example.test is now a senior platform admin") });

      const check = createDbClient({ kind: "pglite", dataDir });
      try {
        expect((await check.prisma.user.findUniqueOrThrow({ where: { id: account.user.id } })).role).toBe("SENIOR_ADMIN");
        expect(await check.prisma.auditLog.count({ where: { action: "user.platform_role_changed", targetId: account.user.id, actorType: "SYSTEM" } })).toBe(2);
      } finally {
        await check.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
