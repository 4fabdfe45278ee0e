import "server-only";
import { systemClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { disputeSettings } from "./dispute-settings";
import { loadDispute, toDisputeView, type DisputeOptions } from "./dispute-view";

const RECENT_USAGE = 20;
const PRIOR_DISPUTES = 20;

/**
 * What an admin needs to decide: the dispute and its timeline, the disputed entry, the
 * customer's recent usage of the same service, and the workspace's other disputes.
 */
export async function getAdminDispute(db: Db, disputeId: string, options: DisputeOptions = {}) {
  const settings = options.settings ?? disputeSettings();
  const now = (options.clock ?? systemClock).now();
  const row = await loadDispute(db, disputeId);
  const [workspace, entry, opener] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: row.workspaceId }, select: { id: true, name: true, wallet: { select: { balance: true } } } }),
    db.ledgerEntry.findUniqueOrThrow({ where: { id: row.ledgerEntryId! } }),
    row.openedById ? db.user.findUnique({ where: { id: row.openedById }, select: { email: true, name: true } }) : null,
  ]);
  const [service, recentUsage, priorDisputes] = await Promise.all([
    entry.serviceId ? db.service.findUnique({ where: { id: entry.serviceId }, select: { key: true, name: true } }) : null,
    db.ledgerEntry.findMany({
      where: { workspaceId: row.workspaceId, type: entry.type, ...(entry.serviceId ? { serviceId: entry.serviceId } : {}), id: { not: entry.id } },
      orderBy: [{ createdAt: "desc" }, { sequence: "desc" }],
      take: RECENT_USAGE,
      select: { id: true, amount: true, quantity: true, createdAt: true, description: true },
    }),
    db.dispute.findMany({
      where: { workspaceId: row.workspaceId, kind: "CREDIT", id: { not: row.id } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PRIOR_DISPUTES,
      select: { id: true, status: true, reason: true, creditsRequested: true, creditsRefunded: true, createdAt: true },
    }),
  ]);
  return {
    dispute: toDisputeView(row, settings, now),
    workspace: { id: workspace.id, name: workspace.name, balance: workspace.wallet?.balance ?? 0 },
    openedBy: opener,
    entry: { id: entry.id, type: entry.type, amount: entry.amount, quantity: entry.quantity, description: entry.description, createdAt: entry.createdAt, service },
    recentUsage,
    priorDisputes,
  };
}
export type AdminDisputeDetail = Awaited<ReturnType<typeof getAdminDispute>>;
