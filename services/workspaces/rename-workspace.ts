import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "../audit/record-audit";
import { getWorkspaceForUser } from "./list-workspaces-for-user";

export type RenameWorkspaceInput = { workspaceId: string; name: string; actorId: string };

/** Renames a workspace, records who did it, and returns it as the actor sees it. Throws `not_found`. */
export async function renameWorkspace(db: Db, input: RenameWorkspaceInput) {
  return inTransaction(db, async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { name: true } });
    if (!before) throw notFound("Workspace");
    const workspace = await tx.workspace.update({
      where: { id: input.workspaceId },
      data: { name: input.name },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      actor: { type: "USER", id: input.actorId },
      action: "workspace.renamed",
      target: { type: "workspace", id: workspace.id },
      workspaceId: workspace.id,
      before,
      after: { name: workspace.name },
    });
    return getWorkspaceForUser(tx, input.actorId, workspace.id);
  });
}
