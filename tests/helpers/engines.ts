// Runs a suite on every real PostgreSQL engine available: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each suite gets its own database, and `db()` (used by route
// handlers) points at it while the suite runs.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { flushApiKeyUse } from "@/lib/auth/api-key-use";
import { installDb } from "@/lib/db";
import { createDbClient, type DbClient } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrationScripts } from "./migrations";
import { databaseUrl, dropDatabase, withAdminClient } from "./postgres-admin";

export type EngineName = "pglite" | "postgres";

async function createPglite(): Promise<DbClient> {
  const pglite = new PGlite("memory://");
  for (const script of migrationScripts()) await pglite.exec(script);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: { maxWait: 60_000, timeout: 60_000 } });
  return { prisma, close: async () => (await prisma.$disconnect(), await pglite.close()) };
}

async function createPostgres(): Promise<DbClient> {
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `sb_test_${randomBytes(5).toString("hex")}`;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("postgresTemplate")}"`));
  const client = createDbClient({ kind: "postgres", url: databaseUrl(serverUrl, name), poolSize: 20 });
  return {
    prisma: client.prisma,
    // Close the pool first, then drop: dropDatabase waits for the pool's sessions to end.
    close: async () => (await client.close(), await dropDatabase(serverUrl, name)),
  };
}

const ENGINES: EngineName[] = ["pglite", "postgres"];

export function availableEngines(): EngineName[] {
  return inject("postgresTemplate") ? ENGINES : ["pglite"];
}

export type EngineContext = { engine: EngineName; prisma: () => PrismaClient };

/**
 * `describe` once per engine, with an isolated, migrated database installed for the suite. An
 * engine that is not available shows up as skipped tests, so a run's count never hides it. A test
 * that needs what only one engine has (two processes on one database) names it in `engines`.
 */
export function describeEachEngine(title: string, suite: (ctx: EngineContext) => void, engines: EngineName[] = ENGINES) {
  const available = availableEngines();
  for (const engine of engines) {
    describe.skipIf(!available.includes(engine))(`${title} [${engine}]`, () => {
      let client: DbClient | undefined;
      beforeAll(async () => {
        client = engine === "pglite" ? await createPglite() : await createPostgres();
        installDb(client);
      });
      afterAll(async () => {
        // Key uses are written a second later (lib/auth/api-key-use.ts): write them while the database is open.
        await flushApiKeyUse();
        await client?.close();
      });
      suite({ engine, prisma: () => client!.prisma });
    });
  }
}
