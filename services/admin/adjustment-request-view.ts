import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AdjustmentRequestView } from "@/types/admin-customers";

/** What every read of a request selects: the row, its workspace's name and the requester's email. */
export const ADJUSTMENT_REQUEST_SELECT = {
  id: true,
  workspaceId: true,
  direction: true,
  credits: true,
  reason: true,
  expiresAt: true,
  status: true,
  requestedById: true,
  decidedById: true,
  decidedAt: true,
  rejectionReason: true,
  ledgerEntryId: true,
  createdAt: true,
  workspace: { select: { name: true } },
} satisfies Prisma.CreditAdjustmentRequestSelect;

type Row = Prisma.CreditAdjustmentRequestGetPayload<{ select: typeof ADJUSTMENT_REQUEST_SELECT }>;

export function toAdjustmentRequestView({ workspace, ...row }: Row, requesterEmails: Map<string, string>): AdjustmentRequestView {
  return { ...row, workspaceName: workspace.name, requestedByEmail: requesterEmails.get(row.requestedById) ?? null };
}

/** Reads requests and their requesters' emails: two queries, whatever the number of rows. */
export async function findAdjustmentRequests(
  db: Db,
  args: Omit<Prisma.CreditAdjustmentRequestFindManyArgs, "select" | "include">,
): Promise<AdjustmentRequestView[]> {
  const rows = await db.creditAdjustmentRequest.findMany({ ...args, select: ADJUSTMENT_REQUEST_SELECT });
  const ids = [...new Set(rows.map((row) => row.requestedById))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return rows.map((row) => toAdjustmentRequestView(row, emails));
}
