import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerEntryView, LedgerPage, LedgerQuery } from "@/types/usage";

export type ListLedgerInput = Pick<LedgerQuery, "type" | "from" | "to" | "cursor" | "limit">;

const SELECT = {
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

type Row = Prisma.LedgerEntryGetPayload<{ select: typeof SELECT }>;

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
 * One page of a workspace's ledger, newest first, by keyset on (createdAt, sequence): stable
 * while entries are appended, and one index range scan with or without a time window.
 */
export async function listLedger(db: Db, workspaceId: string, query: ListLedgerInput): Promise<LedgerPage> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.ledgerEntry.findMany({
    where: {
      workspaceId,
      ...(query.type?.length ? { type: { in: query.type } } : {}),
      ...(query.from || query.to ? { createdAt: { gte: query.from, lt: query.to } } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, sequence: { lt: after.sequence } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
    take: query.limit + 1,
    select: SELECT,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { data: await toViews(db, page), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** Every matching entry, page by page, for exports. */
export async function* iterateLedger(db: Db, workspaceId: string, query: Omit<ListLedgerInput, "cursor" | "limit">) {
  let cursor: string | undefined;
  do {
    const page = await listLedger(db, workspaceId, { ...query, cursor, limit: 200 });
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
