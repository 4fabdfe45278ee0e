import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { Prisma, type Db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** How many rows of each history the detail page shows (the ledger and audit trail page on). */
const RECENT = 20;

/**
 * Everything the admin customer page shows about one workspace, besides its paged ledger and
 * audit trail: wallet (with pause), members, live lots with expiry, subscriptions, payments,
 * disputes and adjustment requests, plus lifetime spend. Each part is one indexed query by
 * workspace. Throws not_found.
 */
export async function getCustomer(db: Db, workspaceId: string, clock: Clock = systemClock) {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      name: true,
      slug: true,
      isPersonal: true,
      stripeCustomerId: true,
      createdAt: true,
      wallet: { select: { id: true, balance: true, held: true, status: true, pausedAt: true, pausedReason: true, resumeAt: true } },
      memberships: { orderBy: { createdAt: "asc" }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } },
    },
  });
  if (!workspace?.wallet) throw notFound("Workspace");
  const now = clock.now();
  const [grants, subscriptions, payments, disputes, spend] = await Promise.all([
    db.creditGrant.findMany({
      where: { walletId: workspace.wallet.id, remaining: { gt: 0 } },
      orderBy: [{ expiresAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 50,
      select: { id: true, source: true, credits: true, remaining: true, expiresAt: true, createdAt: true, sourceEntryId: true },
    }),
    db.subscription.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, isCollectionPaused: true, canceledAt: true, createdAt: true, package: { select: { name: true, priceCents: true, currency: true } } },
    }),
    db.payment.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, interval: true, status: true, amountCents: true, amountRefundedCents: true, currency: true, credits: true, bonusCredits: true, paidAt: true, createdAt: true, failureMessage: true },
    }),
    db.dispute.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, kind: true, status: true, reason: true, creditsRequested: true, creditsRefunded: true, dueAt: true, createdAt: true },
    }),
    db.$queryRaw<{ cents: number }[]>(
      Prisma.sql`SELECT coalesce(sum(amount_cents - amount_refunded_cents), 0)::integer AS cents FROM payments WHERE workspace_id = ${workspaceId}::uuid AND paid_at IS NOT NULL`,
    ),
  ]);
  const { memberships, wallet, ...rest } = workspace;
  return {
    ...rest,
    wallet,
    members: memberships.map(({ user, role, createdAt }) => ({ ...user, role, joinedAt: createdAt })),
    grants: grants.map((grant) => ({ ...grant, isLapsed: grant.expiresAt !== null && grant.expiresAt <= now })),
    subscriptions,
    payments,
    disputes,
    lifetimeSpendCents: spend[0]?.cents ?? 0,
  };
}
export type Customer = Awaited<ReturnType<typeof getCustomer>>;
