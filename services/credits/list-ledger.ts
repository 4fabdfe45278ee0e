import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerEntryView, LedgerPage, LedgerQuery } from "@/types/usage";

export type LedgerFilters = Pick<LedgerQuery, "type" | "from" | "to" | "service" | "reference">;
export type ListLedgerInput = LedgerFilters & Pick<LedgerQuery, "cursor" | "limit">;

/** The columns of an entry as the ledger lists it; the entry detail reads these and more. */
export const LEDGER_ENTRY_SELECT = {
  id: true,
  sequence: true,
  type: true,
  amount: true,
  balanceAfter: true,
  quantity: true,
  referenceType: true,
  referenceId: true,
  reversesId: true,
  description: true,
  createdAt: true,
  serviceId: true,
} as const;

type Row = Prisma.LedgerEntryGetPayload<{ select: typeof LEDGER_ENTRY_SELECT }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function toViews(db: Db, rows: Row[]): Promise<LedgerEntryView[]> {
  const serviceIds = [...new Set(rows.flatMap((row) => (row.serviceId ? [row.serviceId] : [])))];
  const services = serviceIds.length ? await db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, key: true } }) : [];
  const keyById = new Map(services.map((service) => [service.id, service.key]));
  return rows.map(({ sequence: _sequence, serviceId, ...row }) => ({ ...row, service: serviceId ? (keyById.get(serviceId) ?? null) : null }));
}

function encodeCursor(row: Row): string {
  return `${row.createdAt.toISOString()}_${row.sequence}`;
}

function decodeCursor(cursor: string): { createdAt: Date; sequence: bigint } {
  const [createdAt = "", sequence = "0"] = cursor.split("_");
  return { createdAt: new Date(createdAt), sequence: BigInt(sequence) };
}

/**
 * The filters as a where clause, or null when they cannot match anything (an unknown service or
 * a workspace without a wallet), so the caller answers an empty page without scanning.
 * The service is resolved to its id and a reference search is pinned to the wallet, so each
 * filter lands on an index: (wallet, idempotency key) is unique and (wallet, reference) is indexed.
 */
async function whereOf(db: Db, workspaceId: string, filters: LedgerFilters): Promise<Prisma.LedgerEntryWhereInput | null> {
  const where: Prisma.LedgerEntryWhereInput = { workspaceId };
  if (filters.type?.length) where.type = { in: filters.type };
  if (filters.from || filters.to) where.createdAt = { gte: filters.from, lt: filters.to };
  if (filters.service) {
    const service = await db.service.findUnique({ where: { key: filters.service }, select: { id: true } });
    if (!service) return null;
    where.serviceId = service.id;
  }
  if (filters.reference) {
    const wallet = await db.wallet.findUnique({ where: { workspaceId }, select: { id: true } });
    if (!wallet) return null;
    where.walletId = wallet.id;
    const reference = filters.reference;
    where.OR = [{ referenceId: reference }, { idempotencyKey: reference }, ...(UUID.test(reference) ? [{ id: reference }] : [])];
  }
  return where;
}

async function pageOf(db: Db, where: Prisma.LedgerEntryWhereInput, cursor: string | undefined, limit: number): Promise<LedgerPage> {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.ledgerEntry.findMany({
    where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, sequence: { lt: after.sequence } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
    take: limit + 1,
    select: LEDGER_ENTRY_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: await toViews(db, page), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * One page of a workspace's ledger, newest first, by keyset on (createdAt, sequence): stable
 * while entries are appended. Filters (type, service, time window, reference) combine with AND.
 */
export async function listLedger(db: Db, workspaceId: string, query: ListLedgerInput): Promise<LedgerPage> {
  const where = await whereOf(db, workspaceId, query);
  return where ? pageOf(db, where, query.cursor, query.limit) : { data: [], nextCursor: null };
}

/** Every entry matching the filters, page by page, for exports: never the whole history in memory. */
export async function* iterateLedger(db: Db, workspaceId: string, filters: LedgerFilters) {
  const where = await whereOf(db, workspaceId, filters);
  if (!where) return;
  let cursor: string | undefined;
  do {
    const page = await pageOf(db, where, cursor, 200);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
