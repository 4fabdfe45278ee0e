// Once per run: on PostgreSQL, a migrated template database that each test file copies (a copy
// takes milliseconds; migrating takes seconds). With CI=true, a missing server is a failure.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { migrationScripts } from "./migrations";

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (process.env.CI === "true" || process.env.CI === "1") throw new Error("CI=true but TEST_DATABASE_URL is unset: the PostgreSQL suite would be skipped");
    console.warn("TEST_DATABASE_URL unset: integration tests run on PGlite only.");
    project.provide("postgresTemplate", "");
    return;
  }
  const template = `sb_tpl_${randomBytes(4).toString("hex")}`;
  await admin(url, async (client) => {
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
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  await admin(templateUrl.toString(), async (client) => {
    for (const script of migrationScripts()) await client.query(script);
  });
  project.provide("postgresTemplate", template);
  return async () => {
    await admin(url, (client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
  }
}
