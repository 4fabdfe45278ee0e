import { env } from "@/lib/env";

/**
 * Which of the user's workspaces the customer area shows. Only a preference: every read checks
 * membership, so a forged or stale value just falls back to the first workspace.
 */
export const CURRENT_WORKSPACE_COOKIE = "sb_workspace";

export function currentWorkspaceCookie(workspaceId: string): string {
  const secure = env().APP_URL.startsWith("https://") ? "; Secure" : "";
  return `${CURRENT_WORKSPACE_COOKIE}=${workspaceId}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`;
}
