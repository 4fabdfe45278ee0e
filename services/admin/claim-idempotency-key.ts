import "server-only";
import { Prisma, type Db } from "@/lib/db";
import { findIdempotencyRecord } from "../idempotency/find-idempotency-record";
import { requestHash } from "@/lib/request-hash";

export type IdempotencyClaim = { scope: string; key: string; request: Record<string, unknown> };

/**
 * For admin actions that write no ledger entry (pause, resume, cancel a plan): records that the
 * request under `key` was made, in the caller's transaction. True the first time, false for a
 * retry (the caller then changes nothing and answers with the current state); throws
 * `idempotency_mismatch` for a different request under the same key. A transaction-scoped
 * advisory lock on the key makes a concurrent retry wait for the first to commit or roll back.
 */
export async function claimIdempotencyKey(tx: Db, claim: IdempotencyClaim): Promise<boolean> {
  const hash = requestHash(claim.request);
  await tx.$queryRaw(Prisma.sql`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(${`${claim.scope}\n${claim.key}`}, 0))) AS locked`);
  if (await findIdempotencyRecord(tx, { scope: claim.scope, key: claim.key, requestHash: hash })) return false;
  await tx.idempotencyRecord.create({ data: { scope: claim.scope, key: claim.key, requestHash: hash, responseStatus: 200, responseBody: {} } });
  return true;
}
