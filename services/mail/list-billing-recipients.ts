import "server-only";
import type { Db } from "@/lib/db";

export type BillingRecipients = { workspaceName: string; emails: string[] };

/** Who hears about a workspace's money (receipts, plans, balance): its owners and admins. */
export async function listBillingRecipients(db: Db, workspaceId: string): Promise<BillingRecipients> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { name: true, memberships: { where: { role: { in: ["OWNER", "ADMIN"] } }, select: { user: { select: { email: true } } }, orderBy: { createdAt: "asc" } } },
  });
  return { workspaceName: workspace?.name ?? "", emails: workspace?.memberships.map((membership) => membership.user.email) ?? [] };
}
