import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

function slugFor(name: string): string {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  return `${base || "workspace"}-${randomBytes(3).toString("hex")}`;
}

export type CreateWorkspaceInput = { ownerId: string; name: string; isPersonal: boolean };

/** Creates a workspace with its owner's membership and an empty wallet. Needs a transaction. */
export async function createWorkspace(tx: Prisma.TransactionClient, input: CreateWorkspaceInput) {
  return tx.workspace.create({
    data: {
      name: input.name,
      slug: slugFor(input.name),
      isPersonal: input.isPersonal,
      memberships: { create: { userId: input.ownerId, role: "OWNER" } },
      wallet: { create: {} },
    },
    select: { id: true, name: true, slug: true },
  });
}
