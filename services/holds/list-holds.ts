import "server-only";
import type { Db } from "@/lib/db";
import type { HoldsPage, HoldsQuery, HoldView } from "@/types/holds";

export type ListHoldsInput = Pick<HoldsQuery, "status" | "cursor" | "limit">;

/** One page of a workspace's holds, newest first (keyset on createdAt, id). */
export async function listHolds(db: Db, workspaceId: string, query: ListHoldsInput): Promise<HoldsPage> {
  const rows = await db.creditHold.findMany({
    where: { workspaceId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const serviceIds = [...new Set(page.map((row) => row.serviceId))];
  const services = serviceIds.length ? await db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, key: true } }) : [];
  const keyById = new Map(services.map((service) => [service.id, service.key]));
  const data: HoldView[] = page.map((row) => ({
    id: row.id,
    service: keyById.get(row.serviceId) ?? "",
    status: row.status,
    quantity: row.quantity,
    credits: row.credits,
    held: row.held,
    expiresAt: row.expiresAt,
    settledQuantity: row.settledQuantity,
    settledCredits: row.settledCredits,
    settlementEntryId: row.settlementEntryId,
    reference: row.referenceId,
    createdAt: row.createdAt,
    endedAt: row.endedAt,
  }));
  return { data, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
