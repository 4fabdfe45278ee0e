import "server-only";
import type { Db } from "@/lib/db";
import type { AdminWorkspaceList, AdminWorkspaceListQuery } from "@/types/workspace";

/** Every workspace, newest first, by keyset pagination; `search` matches name, slug or owner email. */
export async function listWorkspaces(db: Db, query: AdminWorkspaceListQuery): Promise<AdminWorkspaceList> {
  const search = query.search
    ? {
        OR: [
          { name: { contains: query.search, mode: "insensitive" as const } },
          { slug: { contains: query.search, mode: "insensitive" as const } },
          { memberships: { some: { role: "OWNER" as const, user: { email: { contains: query.search, mode: "insensitive" as const } } } } },
        ],
      }
    : {};
  const rows = await db.workspace.findMany({
    where: search,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      name: true,
      slug: true,
      createdAt: true,
      wallet: { select: { balance: true, status: true } },
      memberships: { where: { role: "OWNER" }, take: 1, select: { user: { select: { email: true } } } },
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map(({ memberships, wallet, ...row }) => ({
      ...row,
      ownerEmail: memberships[0]?.user.email ?? null,
      wallet: wallet ?? { balance: 0, status: "ACTIVE" as const },
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
