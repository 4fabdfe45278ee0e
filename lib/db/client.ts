// The one Prisma client factory: PGlite in-process when no DATABASE_URL is set, PostgreSQL
// through node-postgres otherwise. Both are real PostgreSQL engines.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { registerPool } from "./prepared";

export type DbClient = { prisma: PrismaClient; close: () => Promise<void> };

export type DbTarget = { kind: "postgres"; url: string; poolSize?: number } | { kind: "pglite"; dataDir: string };

// PGlite is one connection: concurrent transactions queue behind a mutex, so bursts need room.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export function createDbClient(target: DbTarget): DbClient {
  if (target.kind === "postgres") {
    // One pool, shared by Prisma and the ledger's prepared statements (lib/db/prepared.ts).
    // Every session runs in UTC, whatever the server's TimeZone: day boundaries and any
    // timestamp-to-text conversion mean the same on every deployment.
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 16, options: "-c TimeZone=UTC" });
    // An idle connection can be closed by the server (restart, failover, a test dropping its
    // database). node-postgres reports it on the pool; without a listener that crashes the
    // process. The pool replaces the connection on next use, so logging it is enough.
    pool.on("error", (error) => {
      if ((error as { code?: string }).code !== "57P01") console.error("Idle database connection failed", error);
    });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
    registerPool(prisma, pool);
    return { prisma, close: async () => (await prisma.$disconnect(), await pool.end()) };
  }
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  // PGlite always runs in UTC (it starts PostgreSQL with PGTZ=UTC).
  const pglite = new PGlite({ dataDir: target.dataDir });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS });
  // $disconnect does not close PGlite; without close() the process never exits.
  return { prisma, close: async () => (await prisma.$disconnect(), await pglite.close()) };
}

/** The configured database for scripts run outside Next (setup, seed, sweeps, benchmarks). */
export function dbTargetFromEnv(): DbTarget {
  const url = process.env.DATABASE_URL;
  return url ? { kind: "postgres", url } : { kind: "pglite", dataDir: process.env.PGLITE_DIR || ".data/pglite" };
}
