import "server-only";
import { env } from "@/lib/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { createDbClient, type DbClient } from "./client";

/** What every service takes first: the client, or a transaction so callers can compose services. */
export type Db = PrismaClient | Prisma.TransactionClient;

// One client per process, kept on globalThis so Next's hot reload does not open a second PGlite
// on the same data directory (PGlite is single-process).
const globalForDb = globalThis as typeof globalThis & { __streamlineDb?: DbClient };

export function db(): PrismaClient {
  globalForDb.__streamlineDb ??= createDbClient(
    env().DATABASE_URL
      ? { kind: "postgres", url: env().DATABASE_URL! }
      : { kind: "pglite", dataDir: env().PGLITE_DIR },
  );
  return globalForDb.__streamlineDb.prisma;
}

/** Points `db()` at a given client: tests give each file its own isolated database. */
export function installDb(client: DbClient) {
  globalForDb.__streamlineDb = client;
}

/** True for the client, false for a transaction handle. */
export function isClient(database: Db): database is PrismaClient {
  // A transaction handle has $transaction too (Prisma 7 nests through savepoints, which PGlite's
  // adapter lacks), but never $connect.
  return "$connect" in database;
}

/** Runs `fn` in `db`'s transaction, or in a new one when `db` is the client. */
export function inTransaction<T>(database: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return isClient(database) ? database.$transaction(fn) : fn(database);
}

export { Prisma } from "@/lib/generated/prisma/client";
