import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { listWorkspacesForUser } from "@/services/workspaces/list-workspaces-for-user";

/**
 * The workspace the customer area shows: the personal one, listed first. Cached per request so
 * the layout and the page share one query.
 */
export const currentWorkspace = cache(async (userId: string) => (await listWorkspacesForUser(db(), userId))[0] ?? null);
