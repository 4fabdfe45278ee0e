import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_USERS, seedDemoData } from "@/prisma/seed";
import { describeEachEngine } from "../helpers/engines";
import { createAccount } from "../fixtures/accounts";

const ROOT = path.join(import.meta.dirname, "../..");
const options = { nodeEnv: "development", password: "demo-password-123" };

describeEachEngine("demo seed on an empty database", ({ prisma }) => {
  const counts = async () => ({ users: await prisma().user.count(), entries: await prisma().ledgerEntry.count(), audit: await prisma().auditLog.count() });

  it("refuses in production and writes nothing", async () => {
    await expect(seedDemoData(prisma(), { ...options, nodeEnv: "production" })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/Refusing to seed demo data with NODE_ENV=production/),
    });
    expect(await counts()).toEqual({ users: 0, entries: 0, audit: 0 });
  });

  it("seeds the demo accounts, the admin granted through the audited service", async () => {
    expect(await seedDemoData(prisma(), options)).toBe("seeded");
    const roles = await prisma().user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(roles).toEqual([
      { email: DEMO_USERS.admin.email, role: "ADMIN" },
      { email: DEMO_USERS.alice.email, role: "USER" },
      { email: DEMO_USERS.bob.email, role: "USER" },
      { email: DEMO_USERS.reviewer.email, role: "ADMIN" },
      { email: DEMO_USERS.senior.email, role: "SENIOR_ADMIN" },
    ]);
    const admin = await prisma().user.findUniqueOrThrow({ where: { email: DEMO_USERS.admin.email } });
    expect(await prisma().auditLog.count({ where: { action: "user.platform_role_changed", targetId: admin.id, actorType: "SYSTEM" } })).toBe(1);
  });

  it("offers one plan whose unused credits roll over, capped at two months' worth", async () => {
    const rollover = await prisma().creditPackage.findMany({ where: { rolloverCredits: true }, select: { priceCents: true, credits: true, rolloverCapCredits: true } });
    expect(rollover).toEqual([{ priceCents: 9999, credits: 1200, rolloverCapCredits: 2400 }]);
  });

  it("skips a second run and changes nothing", async () => {
    const before = await counts();
    expect(await seedDemoData(prisma(), options)).toBe("skipped_users_exist");
    expect(await counts()).toEqual(before);
  });
});

describeEachEngine("demo seed on a database with real users", ({ prisma }) => {
  it("skips it: no demo admin beside real accounts", async () => {
    await createAccount(prisma());
    expect(await seedDemoData(prisma(), options)).toBe("skipped_users_exist");
    expect(await prisma().user.count()).toBe(1);
    expect(await prisma().user.count({ where: { role: "ADMIN" } })).toBe(0);
  });
});

describe("tsx prisma/seed.ts", () => {
  it("exits non-zero with NODE_ENV=production, saying why, before opening any database", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "streamline-seed-")), "pglite");
    try {
      const run = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", PGLITE_DIR: dataDir },
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Refusing to seed demo data with NODE_ENV=production.*npm run admin -- grant <email>/);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
