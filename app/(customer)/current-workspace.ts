import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/lib/db";
import { CURRENT_WORKSPACE_COOKIE } from "@/lib/http/current-workspace-cookie";
import { listWorkspacesForUser } from "@/services/workspaces/list-workspaces-for-user";

/** Every workspace the user belongs to, personal first. Cached per request (the switcher and the page share it). */
export const userWorkspaces = cache(async (userId: string) => listWorkspacesForUser(db(), userId));

/**
 * The workspace the customer area shows: the one chosen in the switcher (a cookie), if the user
 * still belongs to it, else the personal one, listed first. Cached per request so the layout and
 * the page share one query.
 */
export const currentWorkspace = cache(async (userId: string) => {
  const workspaces = await userWorkspaces(userId);
  const chosen = (await cookies()).get(CURRENT_WORKSPACE_COOKIE)?.value;
  return workspaces.find((workspace) => workspace.id === chosen) ?? workspaces[0] ?? null;
});
