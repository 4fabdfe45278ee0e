import "server-only";
import { systemClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { LedgerEntry } from "@/lib/generated/prisma/client";
import { OPEN_DISPUTE_STATUSES } from "@/types/disputes";
import { DAY_MS, disputeSettings } from "./dispute-settings";
import type { DisputeOptions } from "./dispute-view";
import { isDisputableEntry } from "./disputable-entry";

export type DisputableCharge = { id: string; label: string; credits: number; createdAt: Date };

async function describe(db: Db, entries: LedgerEntry[]): Promise<DisputableCharge[]> {
  const serviceIds = [...new Set(entries.map((e) => e.serviceId).filter((id): id is string => !!id))];
  const services = new Map((await db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  return entries.map((e) => ({
    id: e.id,
    label: e.type === "USAGE" ? `${services.get(e.serviceId ?? "") ?? "Usage"}${e.quantity ? ` × ${e.quantity}` : ""}` : `Credits removed${e.description ? `: ${e.description}` : ""}`,
    credits: -e.amount,
    createdAt: e.createdAt,
  }));
}

/** The workspace's latest charges still inside the dispute window and not already under an open dispute. */
export async function listDisputableCharges(db: Db, workspaceId: string, options: DisputeOptions & { limit?: number } = {}): Promise<DisputableCharge[]> {
  const settings = options.settings ?? disputeSettings();
  const since = new Date((options.clock ?? systemClock).now().getTime() - settings.disputeWindowDays * DAY_MS);
  const open = await db.dispute.findMany({ where: { workspaceId, status: { in: [...OPEN_DISPUTE_STATUSES] } }, select: { ledgerEntryId: true } });
  const entries = await db.ledgerEntry.findMany({
    where: {
      workspaceId,
      createdAt: { gte: since },
      amount: { lt: 0 },
      type: { in: ["USAGE", "ADMIN_ADJUSTMENT"] },
      id: { notIn: open.map((d) => d.ledgerEntryId).filter((id): id is string => !!id) },
    },
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
    take: options.limit ?? 10,
  });
  return describe(db, entries);
}

/** One charge the user may dispute (`?entry=` on the disputes page), or null for anything else. */
export async function findDisputableCharge(db: Db, userId: string, entryId: string): Promise<DisputableCharge | null> {
  if (!/^[0-9a-f-]{36}$/i.test(entryId)) return null;
  const entry = await db.ledgerEntry.findFirst({ where: { id: entryId, wallet: { workspace: { memberships: { some: { userId } } } } } });
  if (!entry || !isDisputableEntry(entry)) return null;
  return (await describe(db, [entry]))[0] ?? null;
}
