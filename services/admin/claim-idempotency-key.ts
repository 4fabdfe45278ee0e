import "server-only";
import type { z } from "zod";
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

/**
 * For admin creates (a promotion, a package): claims the key as claimIdempotencyKey does, runs
 * `create` once, and keeps its answer as `view` sends it, in the caller's transaction. A retry
 * under the same key creates nothing and gets that first answer back (`replayed`), even if the
 * object changed since — as Stripe answers a repeated create; a different request under the key is
 * `idempotency_mismatch`. `view` must read back its own JSON (dates as `z.coerce.date()`).
 */
export async function createOnce<T>(tx: Db, claim: IdempotencyClaim, view: z.ZodType<T>, create: () => Promise<T>): Promise<{ value: T; replayed: boolean }> {
  if (!(await claimIdempotencyKey(tx, claim))) {
    const record = await findIdempotencyRecord(tx, { scope: claim.scope, key: claim.key, requestHash: requestHash(claim.request) });
    return { value: view.parse(record!.responseBody), replayed: true };
  }
  const value = view.parse(await create());
  const responseBody = JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
  await tx.idempotencyRecord.update({ where: { scope_key: { scope: claim.scope, key: claim.key } }, data: { responseStatus: 201, responseBody } });
  return { value, replayed: false };
}
