// Driver adapter factories for the schema engine, one per database kind.
// They repair three things the stock adapters get wrong for migration work (TOOLCHAIN.md):
// the shadow database, PostgreSQL's internal "char" type, and scripts split on ";".
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The engine's catalog queries return PostgreSQL's internal `"char"` type, which adapter-pg
 * 7.10.0 cannot decode, while the engine reads those columns as chars. Decode them as text and
 * report them as `Character`. Relies on adapter-pg calling `performIO` synchronously from
 * `queryRaw` (the version is pinned exactly), which makes the per-call hand-over race-free.
 */
function decodeCharColumns(queryable) {
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  let sink = null;
  queryable.performIO = async (query) => {
    const charColumns = sink;
    const result = await performIO(query);
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      charColumns?.push(index);
    });
    return result;
  };
  queryable.queryRaw = async (query) => {
    const charColumns = [];
    sink = charColumns;
    const pending = queryRaw(query);
    sink = null;
    const resultSet = await pending;
    for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

/**
 * Discrete connection fields, never `connectionString`: node-postgres lets a connection string
 * override `database`, which would point shadow-database work at the real database.
 */
export function pgConfigFromUrl(url) {
  const parsed = new URL(url);
  const params = parsed.searchParams;
  return {
    host: params.get("host") ?? (decodeURIComponent(parsed.hostname) || "localhost"),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || process.env.PGUSER || "postgres",
    password: decodeURIComponent(parsed.password) || undefined,
    database: decodeURIComponent(parsed.pathname.slice(1)) || "postgres",
    schema: params.get("schema") ?? undefined,
    ssl: params.get("sslmode") && params.get("sslmode") !== "disable" ? { rejectUnauthorized: false } : undefined,
  };
}

async function connectPg({ schema, ...config }, onDispose) {
  const pool = new pg.Pool({ ...config, max: 4 });
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
  const { schema: _schema, ...serverConfig } = config;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPg(config),
    async connectToShadowDb() {
      if (shadowUrl) {
        // A configured shadow database is reused between runs: the engine expects it empty.
        const shadow = pgConfigFromUrl(shadowUrl);
        const schema = shadow.schema ?? "public";
        await withPgClient(shadow, (c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`));
        return connectPg(shadow);
      }
      const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await withPgClient(serverConfig, (c) => c.query(`CREATE DATABASE "${database}"`));
      const drop = () => withPgClient(serverConfig, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
      pendingShadowDrops.add(drop);
      // Drop only after the shadow pool is closed, or the database leaks.
      return connectPg({ ...serverConfig, database }, async () => {
        pendingShadowDrops.delete(drop);
        await drop();
      });
    },
  };
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
