import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

it("has migrations that produce exactly schema.prisma", () => {
  const root = path.join(import.meta.dirname, "../..");
  let exitCode = 0;
  try {
    execFileSync("node_modules/.bin/prisma", ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "" },
      stdio: "pipe",
    });
  } catch (error) {
    exitCode = (error as { status: number }).status;
  }
  expect(exitCode, "schema.prisma and prisma/migrations differ: create a migration (npm run db:migrate:dev)").toBe(0);
});
