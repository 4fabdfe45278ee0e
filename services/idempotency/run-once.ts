import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestHash } from "@/lib/request-hash";
import { findIdempotencyRecord } from "./find-idempotency-record";

/** One request under an Idempotency-Key: who sent it (`scope`), the key, and what it asked for. */
export type IdempotencyClaim = { scope: string; key: string; request: Record<string, unknown> };

/**
 * Runs `fn` once per (scope, key) inside the caller's transaction and stores its JSON answer; a
 * retry gets that answer back (`replayed`), the same key with a different request is
 * `idempotency_mismatch`. The claim is an insert first: a concurrent retry waits on it until the
 * first commits (and then replays) or rolls back (and then runs), so two never both run `fn`.
 * Every idempotent mutation that writes no ledger entry goes through here.
 */
export async function runOnce<T extends Prisma.InputJsonValue>(
  tx: Db,
  { scope, key, request }: IdempotencyClaim,
  fn: () => Promise<T>,
  { status = 200 }: { status?: number } = {},
): Promise<{ value: T; replayed: boolean }> {
  const hash = requestHash(request);
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO idempotency_records (scope, key, request_hash, response_status, response_body)
    VALUES (${scope}, ${key}, ${hash}, 0, 'null'::jsonb)
    ON CONFLICT (scope, key) DO NOTHING RETURNING id`;
  if (claimed.length === 0) {
    const record = (await findIdempotencyRecord(tx, { scope, key, requestHash: hash }))!;
    return { value: record.responseBody as T, replayed: true };
  }
  const value = await fn();
  await tx.idempotencyRecord.update({ where: { id: claimed[0]!.id }, data: { responseStatus: status, responseBody: value } });
  return { value, replayed: false };
}

/**
 * For actions whose answer is the current state, not a stored one (pause, resume, cancel a plan):
 * true the first time the request is made under its key, false for a retry, which then changes nothing.
 */
export async function claimOnce(tx: Db, claim: IdempotencyClaim): Promise<boolean> {
  const { replayed } = await runOnce(tx, claim, async () => ({}));
  return !replayed;
}

/**
 * For creates (a promotion, a package): runs `create` once and keeps its answer as `view` sends
 * it. A retry creates nothing and gets that first answer back, even if the object changed since —
 * as Stripe answers a repeated create. `view` must read back its own JSON (dates as `z.coerce.date()`).
 */
export async function createOnce<T>(tx: Db, claim: IdempotencyClaim, view: z.ZodType<T>, create: () => Promise<T>): Promise<{ value: T; replayed: boolean }> {
  const stored = await runOnce(tx, claim, async () => JSON.parse(JSON.stringify(view.parse(await create()))) as Prisma.InputJsonValue, { status: 201 });
  return { value: view.parse(stored.value), replayed: stored.replayed };
}
