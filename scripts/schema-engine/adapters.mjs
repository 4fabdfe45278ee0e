// Driver adapter factories for the schema engine, one per database kind.
// They repair three things the stock adapters get wrong for migration work (TOOLCHAIN.md):
// the shadow database, PostgreSQL's internal "char" type, and scripts split on ";".
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { decodeCharColumns } from "./decode-char-columns.mjs";
import { assertShadowIsNotTarget, pgConfigFromUrl, shadowIsTargetError } from "./pg-config.mjs";

async function connectPg({ schema, ...config }, onDispose) {
  const pool = new pg.Pool({ ...config, max: 4 });
  // A temporary shadow database is dropped WITH (FORCE) once disposed of; a connection still
  // closing then reports "terminating connection due to administrator command", as expected.
  // Unheard, that report would be an uncaught exception in whatever process runs the engine.
  pool.on("error", () => {});
  const adapter = decodeCharColumns(await new PrismaPg(pool, schema ? { schema } : undefined).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => decodeCharColumns(await startTransaction(...args));
  // Migrations hold plpgsql bodies; splitting them on ";" breaks dollar quotes. Send each whole.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await pool.end();
    await onDispose?.();
  };
  return adapter;
}

async function withPgClient(config, fn) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

// Shadow databases not yet dropped: the engine can fail (or panic) before it disposes of them.
const pendingShadowDrops = new Set();

export async function dropPendingShadowDatabases() {
  await Promise.allSettled([...pendingShadowDrops].map((drop) => drop()));
}

export function postgresFactory(url, shadowUrl) {
  const config = pgConfigFromUrl(url);
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPg(config),
    connectToShadowDb: () => (shadowUrl ? connectConfiguredShadow(config, pgConfigFromUrl(shadowUrl)) : connectTemporaryShadow(config)),
  };
}

// A configured shadow database is reused between runs and the engine expects it empty, so its
// schema is wiped: only once it is known not to be the database being migrated.
async function connectConfiguredShadow(target, shadow) {
  assertShadowIsNotTarget(target, shadow);
  await assertDistinctOnServer(target, shadow);
  const schema = `"${(shadow.schema ?? "public").replaceAll('"', '""')}"`;
  await withPgClient(shadow, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`));
  return connectPg(shadow);
}

async function connectTemporaryShadow(target) {
  const { schema: _schema, ...server } = target;
  const shadow = { ...server, database: `prisma_shadow_${randomUUID().replaceAll("-", "")}` };
  assertShadowIsNotTarget(target, shadow);
  const quoted = `"${shadow.database}"`;
  await withPgClient(server, (c) => c.query(`CREATE DATABASE ${quoted}`));
  const drop = () => withPgClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`));
  pendingShadowDrops.add(drop);
  // Drop only after the shadow pool is closed, or the database leaks.
  return connectPg(shadow, async () => {
    pendingShadowDrops.delete(drop);
    await drop();
  });
}

// Different URLs can still reach one database (a DNS alias, the machine's own address). Asked
// over both connections, one server gives the same start time and database name; two servers
// started in the same microsecond would be refused too, which errs on the safe side.
async function assertDistinctOnServer(target, shadow) {
  const [targetId, shadowId] = await Promise.all([target, shadow].map(databaseIdentity));
  if (targetId === shadowId) throw shadowIsTargetError(shadow);
}

async function databaseIdentity(config) {
  // As epoch seconds: a timestamp's text depends on the session's TimeZone, which can differ by role.
  const sql = "SELECT current_database() || '@' || extract(epoch FROM pg_postmaster_start_time()) AS id";
  const { rows } = await withPgClient(config, (c) => c.query(sql));
  return rows[0].id;
}

export function pgliteFactory(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const db = new PGlite({ dataDir });
  const factory = new PrismaPGlite(db);
  return Object.assign(factory, { close: () => db.close() });
}

export async function canConnect(url) {
  if (!isPostgresUrl(url)) return;
  await withPgClient(pgConfigFromUrl(url), (c) => c.query("SELECT 1"));
}

/** `cli create-database`: true when it had to create the database. */
export async function createDatabase(url) {
  if (!isPostgresUrl(url)) return false;
  const config = pgConfigFromUrl(url);
  const exists = await withPgClient({ ...config, database: "postgres" }, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [config.database]);
    if (!rowCount) await c.query(`CREATE DATABASE "${config.database.replaceAll('"', '""')}"`);
    return rowCount > 0;
  });
  return !exists;
}

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}
