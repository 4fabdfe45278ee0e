import "server-only";
import { inTransaction, type Db } from "@/lib/db";
import { recordAudit } from "../audit/record-audit";
import { createWorkspace } from "./create-workspace";
import { getWorkspaceForUser } from "./list-workspaces-for-user";

/** Creates a shared workspace (its own wallet) owned by `ownerId`, audited, and returns it as the owner sees it. */
export async function createTeamWorkspace(db: Db, input: { ownerId: string; name: string }) {
  return inTransaction(db, async (tx) => {
    const workspace = await createWorkspace(tx, { ownerId: input.ownerId, name: input.name, isPersonal: false });
    await recordAudit(tx, { actor: { type: "USER", id: input.ownerId }, action: "workspace.created", target: { type: "workspace", id: workspace.id }, workspaceId: workspace.id, after: { name: workspace.name } });
    return getWorkspaceForUser(tx, input.ownerId, workspace.id);
  });
}
