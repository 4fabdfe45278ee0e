import "server-only";
import type { Clock } from "@/lib/clock";
import { systemClock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { TeamView } from "@/types/team";

/** A workspace's members (owners first, then by joining) and its invitations still open. The caller checks membership. */
export async function listTeam(db: Db, workspaceId: string, clock: Clock = systemClock): Promise<TeamView> {
  const [memberships, invitations] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId },
      select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    }),
    db.workspaceInvitation.findMany({
      where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: clock.now() } },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { email: true } } },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
  ]);
  return {
    members: memberships.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt })),
    invitations: invitations.map(({ invitedBy, ...invitation }) => ({ ...invitation, invitedBy: invitedBy?.email ?? null })),
  };
}
