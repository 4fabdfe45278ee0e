import { z } from "zod";

export const walletSummary = z.object({
  balance: z.number().int().describe("Credits; negative only after an admin removal or a payment clawback"),
  status: z.enum(["ACTIVE", "PAUSED"]),
});

export const workspaceView = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  isPersonal: z.boolean(),
  role: z.enum(["OWNER", "ADMIN", "MEMBER"]).describe("The caller's role in this workspace"),
  wallet: walletSummary,
  createdAt: z.date(),
});
export type WorkspaceView = z.infer<typeof workspaceView>;

export const renameWorkspaceBody = z
  .object({ name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters") })
  .strict();
export type RenameWorkspaceBody = z.infer<typeof renameWorkspaceBody>;

export const meResponse = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable(), role: z.enum(["USER", "ADMIN", "SENIOR_ADMIN"]) }),
  workspaces: z.array(workspaceView),
});

export const adminWorkspaceListQuery = z.object({
  search: z.string().trim().max(100).optional().describe("Part of a name, slug, member email or Stripe customer id"),
  status: z.enum(["ACTIVE", "PAUSED"]).optional().describe("The wallet's status"),
  plan: z.uuid().optional().describe("Workspaces with a live subscription to this plan"),
  hasSubscription: z.enum(["yes", "no"]).optional().describe("Whether the workspace has a live subscription"),
  cursor: z.uuid().optional().describe("The last id of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AdminWorkspaceListQuery = z.infer<typeof adminWorkspaceListQuery>;

export const adminWorkspaceRow = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  ownerEmail: z.string().nullable(),
  wallet: walletSummary,
  plan: z.object({ name: z.string(), status: z.string() }).nullable().describe("The live subscription, if any"),
  lifetimeSpendCents: z.number().int().describe("Paid in total, net of refunds"),
  lastActivityAt: z.date().nullable().describe("The newest ledger entry"),
  createdAt: z.date(),
});
export type AdminWorkspaceRow = z.infer<typeof adminWorkspaceRow>;

export const adminWorkspaceList = z.object({ data: z.array(adminWorkspaceRow), nextCursor: z.uuid().nullable() });
export type AdminWorkspaceList = z.infer<typeof adminWorkspaceList>;
