// A patch on @prisma/adapter-pg internals, and the start-up check that they are still the ones it
// was written against: a changed adapter must stop the engine with a message, not mid-migration.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

export const PATCHED_ADAPTER_PG_VERSION = "7.10.0";
const THIS_FILE = "scripts/schema-engine/decode-char-columns.mjs";
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The engine's catalog queries return PostgreSQL's internal `"char"` type, which adapter-pg
 * 7.10.0 cannot decode, while the engine reads those columns as chars. Decode them as text and
 * report them as `Character`. Relies on adapter-pg calling `performIO` synchronously from
 * `queryRaw` (checked at start-up), which makes the per-call hand-over race-free.
 */
export function decodeCharColumns(queryable) {
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

/** Throws, naming this file, unless `queryable` (adapter-pg at `version`) can take the patch. */
export function assertPatchable(version, queryable) {
  const problem = patchProblem(version, queryable);
  if (!problem) return;
  throw new Error(
    `${THIS_FILE} patches internals of @prisma/adapter-pg ${PATCHED_ADAPTER_PG_VERSION} to decode PostgreSQL's "char" ` +
      `type, but ${problem}. Install @prisma/adapter-pg@${PATCHED_ADAPTER_PG_VERSION} exactly, or re-check ` +
      `decodeCharColumns against the installed version and update ${THIS_FILE}.`,
  );
}

/** The start-up check, on the installed adapter-pg. Opens no database connection. */
export async function assertInstalledAdapterPgPatchable() {
  const pool = new pg.Pool(); // idle: a pool connects on its first query only
  const adapter = await new PrismaPg(pool).connect();
  try {
    assertPatchable(installedAdapterPgVersion(), adapter);
  } finally {
    await adapter.dispose();
    await pool.end();
  }
}

function installedAdapterPgVersion() {
  // The package's `exports` hide its package.json, which sits next to the resolved dist/ folder.
  const entry = createRequire(import.meta.url).resolve("@prisma/adapter-pg");
  return JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")).version;
}

function patchProblem(version, queryable) {
  if (version !== PATCHED_ADAPTER_PG_VERSION) return `version ${version} is installed`;
  const missing = ["performIO", "queryRaw"].filter((method) => typeof queryable[method] !== "function");
  if (missing.length) return `its queryable has no ${missing.join(" or ")} method`;
  if (!callsPerformIOSynchronously(queryable)) return "its queryRaw no longer calls performIO synchronously";
  return null;
}

// Runs queryRaw on a stand-in whose performIO only records the call: no query is sent.
function callsPerformIOSynchronously(queryable) {
  let called = false;
  const probe = Object.create(queryable);
  probe.performIO = async () => {
    called = true;
    return { fields: [], rows: [] };
  };
  probe.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] }).catch(() => {});
  return called;
}
