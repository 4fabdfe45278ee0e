// Once per run: on PostgreSQL, a migrated template database that each test file copies (a copy
// takes milliseconds; migrating takes seconds). With CI=true, a missing server is a failure.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migrationScripts } from "./migrations";
import { databaseUrl, dropDatabase, withAdminClient } from "./postgres-admin";

/**
 * Checks that TEST_DATABASE_URL can be reached. When the database it names does not exist, creates
 * it through the server's `postgres` maintenance database, as `createdb` does, so a fresh server
 * needs no manual step; any other failure stops the run with a message naming the server.
 */
async function ensureDatabase(url: string) {
  const { host, pathname } = new URL(url);
  const name = decodeURIComponent(pathname.slice(1));
  const where = `TEST_DATABASE_URL (database "${name}" on ${host})`;
  try {
    await withAdminClient(url, async () => {});
    return;
  } catch (error) {
    // 3D000: invalid_catalog_name, "database … does not exist".
    if ((error as { code?: string }).code !== "3D000" || !name) throw new Error(`Cannot connect to ${where}: ${(error as Error).message}`);
  }
  try {
    await withAdminClient(databaseUrl(url, "postgres"), (client) => client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`));
  } catch (error) {
    // 42P04: a concurrent run created it first.
    if ((error as { code?: string }).code !== "42P04") {
      throw new Error(`${where}: the database does not exist, and creating it through the "postgres" maintenance database failed: ${(error as Error).message}`);
    }
  }
  console.log(`${where}: the database did not exist, so it was created through the server's "postgres" maintenance database.`);
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error("CI=true but TEST_DATABASE_URL is unset: the PostgreSQL suite would be skipped");
    console.warn("TEST_DATABASE_URL unset: integration tests run on PGlite only.");
    project.provide("postgresTemplate", "");
    return;
  }
  await ensureDatabase(url);
  const template = `sb_tpl_${randomBytes(4).toString("hex")}`;
  await withAdminClient(url, async (client) => {
    // Databases left by runs that were killed, older than an hour (best effort: needs superuser).
    const { rows } = await client
      .query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname ~ '^sb_(tpl|test)_'
           AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - interval '1 hour'`,
      )
      .catch(() => ({ rows: [] }));
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await withAdminClient(databaseUrl(url, template), async (client) => {
    for (const script of migrationScripts()) await client.query(script);
  });
  project.provide("postgresTemplate", template);
  return () => dropDatabase(url, template);
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
  }
}
