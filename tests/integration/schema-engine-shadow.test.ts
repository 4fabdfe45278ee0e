// The migration bridge on a real PostgreSQL server (scripts/schema-engine): a shadow database that
// is the database being migrated is refused before anything is dropped. Needs TEST_DATABASE_URL.
import { randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresFactory } from "@/scripts/schema-engine/adapters.mjs";
import { dropDatabase, withAdminClient } from "../helpers/postgres-admin";

const serverUrl = process.env.TEST_DATABASE_URL ?? "";
const REFUSED = /Refusing to use database "sb_test_bridge_\w+" on .* as the shadow database/;

async function sql<T extends pg.QueryResultRow>(url: string, text: string) {
  return withAdminClient(url, async (client) => (await client.query<T>(text)).rows);
}

function urlFor(database: string, host?: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (host) url.hostname = host;
  return url.toString();
}

async function hasTable(url: string, table: string) {
  const [row] = await sql<{ found: boolean }>(url, `SELECT to_regclass('public.${table}') IS NOT NULL AS found`);
  return row!.found;
}

// Prefixed sb_test_ so the test setup's sweep drops them if a run is killed.
const name = `sb_test_bridge_${randomBytes(4).toString("hex")}`;

describe.skipIf(!serverUrl)("schema engine shadow database on PostgreSQL", () => {
  let target = "";
  let shadow = "";

  beforeAll(async () => {
    target = urlFor(name);
    shadow = urlFor(`${name}_shadow`);
    for (const database of [name, `${name}_shadow`]) await sql(serverUrl, `CREATE DATABASE "${database}"`);
    await sql(target, "CREATE TABLE keep_me (id int)");
  });

  afterAll(async () => {
    for (const database of [name, `${name}_shadow`]) await dropDatabase(serverUrl, database);
  });

  it("refuses the target's own URL as the shadow database and drops nothing", async () => {
    await expect(postgresFactory(target, target).connectToShadowDb()).rejects.toThrow(REFUSED);
    expect(await hasTable(target, "keep_me")).toBe(true);
  });

  it("refuses the target reached through another address for the same server", async () => {
    // An IPv4-mapped IPv6 address reaches the same server but reads as another host: only the
    // check made over both connections can tell.
    const { address } = await lookup(new URL(serverUrl).hostname, { family: 4 });
    const alias = urlFor(name, `[::ffff:${address}]`);
    await expect(postgresFactory(target, alias).connectToShadowDb()).rejects.toThrow(REFUSED);
    expect(await hasTable(target, "keep_me")).toBe(true);
  });

  it("wipes a separate shadow database and leaves the target alone", async () => {
    await sql(shadow, "CREATE TABLE stale (id int)");
    const adapter = await postgresFactory(target, shadow).connectToShadowDb();
    await adapter.dispose();
    expect(await hasTable(shadow, "stale")).toBe(false);
    expect(await hasTable(target, "keep_me")).toBe(true);
  });

  it("creates a temporary shadow database when none is configured, and drops it after use", async () => {
    const adapter = await postgresFactory(target).connectToShadowDb();
    const { rows } = await adapter.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] });
    const temporary = String(rows[0]![0]);
    expect(temporary).toMatch(/^prisma_shadow_/);
    await adapter.dispose();
    expect(await sql(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${temporary}'`)).toHaveLength(0);
  });
});
