import "server-only";
import type { Db } from "@/lib/db";
import type { IdempotencyRecord } from "@/lib/generated/prisma/client";
import { ledgerRejection } from "../credits/ledger-write";

export type IdempotencyLookup = { scope: string; key: string; requestHash: string };

/**
 * The answer stored for an earlier request under this (scope, key), or null when the key is new;
 * throws `idempotency_mismatch` when the key was used for a different request. Every idempotent
 * mutation that writes no ledger entry looks its key up here (the ledger has its own, per wallet).
 */
export async function findIdempotencyRecord(db: Db, { scope, key, requestHash }: IdempotencyLookup): Promise<IdempotencyRecord | null> {
  const record = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (record && record.requestHash !== requestHash) throw ledgerRejection("idempotency_mismatch");
  return record;
}
