import "server-only";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { WorkspaceView } from "@/types/workspace";

const WORKSPACE_SELECT = {
  role: true,
  workspace: {
    select: { id: true, name: true, slug: true, isPersonal: true, createdAt: true, wallet: { select: { balance: true, status: true } } },
  },
} as const;

type MembershipRow = {
  role: WorkspaceView["role"];
  workspace: Omit<WorkspaceView, "role" | "wallet"> & { wallet: WorkspaceView["wallet"] | null };
};

function toView({ role, workspace }: MembershipRow): WorkspaceView {
  return { ...workspace, role, wallet: workspace.wallet ?? { balance: 0, status: "ACTIVE" } };
}

/** The workspaces `userId` belongs to, personal first. */
export async function listWorkspacesForUser(db: Db, userId: string): Promise<WorkspaceView[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: WORKSPACE_SELECT,
    orderBy: [{ workspace: { isPersonal: "desc" } }, { createdAt: "asc" }],
  });
  return memberships.map(toView);
}

/** One workspace as `userId` sees it. Throws `not_found` when they are not a member. */
export async function getWorkspaceForUser(db: Db, userId: string, workspaceId: string): Promise<WorkspaceView> {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: WORKSPACE_SELECT,
  });
  if (!membership) throw notFound("Workspace");
  return toView(membership);
}
