import "server-only";
import type { Db } from "@/lib/db";
import { findIdempotencyRecord } from "../idempotency/find-idempotency-record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestHash } from "@/lib/request-hash";

export type IdempotencyScope = { scope: string; key: string; request: Record<string, unknown> };

/**
 * Runs `fn` once per (scope, key) inside the caller's transaction and stores its JSON answer; a
 * retry gets that answer back (`replayed`), the same key with a different request is a 409. The
 * claim is an insert that concurrent retries wait on, so two retries never both run `fn`.
 */
export async function idempotent<T extends Prisma.InputJsonValue>(
  tx: Db,
  { scope, key, request }: IdempotencyScope,
  fn: () => Promise<T>,
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
  await tx.idempotencyRecord.update({ where: { id: claimed[0]!.id }, data: { responseStatus: 200, responseBody: value } });
  return { value, replayed: false };
}
