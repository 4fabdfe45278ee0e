import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

// Runs once, not per engine: `migrate diff` replays the migrations on its own shadow database
// (in-memory PGlite when DATABASE_URL is empty) and compares the result with schema.prisma.
it("has migrations that produce exactly schema.prisma", { timeout: 120_000 }, async () => {
  const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"];
  const result = await run("node_modules/.bin/prisma", args, { cwd: path.join(import.meta.dirname, "../.."), env: { ...process.env, DATABASE_URL: "" } }).then(
    () => ({ code: 0, output: "" }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, output: `${error.stdout ?? ""}${error.stderr ?? ""}` }),
  );
  expect(result.code, `schema.prisma and prisma/migrations differ; create a migration (npm run db:migrate:dev):\n${result.output}`).toBe(0);
});
