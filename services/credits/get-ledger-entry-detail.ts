import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ActorType, DisputeStatus, LedgerEntryType, PaymentStatus } from "@/lib/generated/prisma/client";
import type { LedgerEntryView } from "@/types/usage";
import { LEDGER_ENTRY_SELECT } from "./list-ledger";

/** How long after a charge a customer may dispute it. */
export const DISPUTE_WINDOW_DAYS = 30;

type LinkedEntry = { id: string; type: LedgerEntryType; amount: number; createdAt: Date };

export type LedgerEntryDetail = LedgerEntryView & {
  idempotencyKey: string;
  actor: { type: ActorType; label: string };
  /** The payment that bought these credits (purchases and plan grants). */
  payment: {
    id: string;
    status: PaymentStatus;
    amountCents: number;
    amountRefundedCents: number;
    currency: string;
    packageName: string | null;
    paidAt: Date | null;
    stripeInvoiceId: string | null;
    stripeChargeId: string | null;
    /** Stripe's receipt page for the charge, stored when the payment was fulfilled. */
    receiptUrl: string | null;
  } | null;
  /** The lot these credits went into: what is left of it and when it lapses. */
  grant: { credits: number; remaining: number; expiresAt: Date | null } | null;
  reverses: LinkedEntry | null;
  reversedBy: LinkedEntry[];
  disputes: { id: string; status: DisputeStatus; createdAt: Date }[];
  /** Usage and admin removals may be disputed within the window. */
  isDisputable: boolean;
};

const LINKED = { id: true, type: true, amount: true, createdAt: true } as const;

async function actorLabel(db: Db, workspaceId: string, type: ActorType, actorId: string | null): Promise<string> {
  if (type === "STRIPE") return "Stripe";
  if (type === "SYSTEM") return "Streamline (automatic)";
  // Staff act for the platform: the customer sees the role, not a colleague's address.
  if (type === "ADMIN") return "Streamline support";
  if (!actorId) return type === "API_KEY" ? "An API key" : "A member";
  if (type === "API_KEY") {
    const key = await db.apiKey.findFirst({ where: { id: actorId }, select: { name: true, prefix: true, workspaceId: true, kind: true } });
    if (!key) return "A deleted API key";
    return key.workspaceId === workspaceId ? `API key “${key.name}” (${key.prefix}…)` : "A Streamline platform service";
  }
  const member = await db.user.findFirst({ where: { id: actorId, memberships: { some: { workspaceId } } }, select: { email: true, name: true } });
  return member ? (member.name ? `${member.name} (${member.email})` : member.email) : "A former member";
}

function paymentView({ package: creditPackage, ...payment }: Omit<NonNullable<LedgerEntryDetail["payment"]>, "packageName"> & { package: { name: string } | null }) {
  return { ...payment, packageName: creditPackage?.name ?? null };
}

/**
 * Everything a customer may want to know about one ledger entry of their workspace: who or what
 * caused it, the payment or lot behind it, what reversed it, disputes about it. Throws `not_found`
 * for an entry of another workspace, exactly as for one that does not exist.
 */
export async function getLedgerEntryDetail(db: Db, workspaceId: string, entryId: string, clock: Clock = systemClock): Promise<LedgerEntryDetail> {
  const entry = await db.ledgerEntry.findFirst({
    where: { id: entryId, workspaceId },
    select: {
      ...LEDGER_ENTRY_SELECT,
      idempotencyKey: true,
      actorType: true,
      actorId: true,
      reverses: { select: LINKED },
      reversedBy: { select: LINKED, orderBy: { createdAt: "asc" } },
      grant: { select: { credits: true, remaining: true, expiresAt: true } },
    },
  });
  if (!entry) throw notFound("Ledger entry");
  const [service, payment, disputes, actor] = await Promise.all([
    entry.serviceId ? db.service.findUnique({ where: { id: entry.serviceId }, select: { key: true } }) : null,
    db.payment.findFirst({
      where: { ledgerEntryId: entry.id, workspaceId },
      select: {
        id: true,
        status: true,
        amountCents: true,
        amountRefundedCents: true,
        currency: true,
        paidAt: true,
        stripeInvoiceId: true,
        stripeChargeId: true,
        receiptUrl: true,
        package: { select: { name: true } },
      },
    }),
    db.dispute.findMany({ where: { workspaceId, ledgerEntryId: entry.id }, select: { id: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" } }),
    actorLabel(db, workspaceId, entry.actorType, entry.actorId),
  ]);
  const { serviceId: _serviceId, actorType, actorId: _actorId, reverses, reversedBy, grant, ...view } = entry;
  const isCharge = entry.type === "USAGE" || (entry.type === "ADMIN_ADJUSTMENT" && entry.amount < 0);
  const ageMs = clock.now().getTime() - entry.createdAt.getTime();
  return {
    ...view,
    service: service?.key ?? null,
    actor: { type: actorType, label: actor },
    payment: payment && paymentView(payment),
    grant,
    reverses,
    reversedBy,
    disputes,
    isDisputable: isCharge && ageMs <= DISPUTE_WINDOW_DAYS * 86_400_000,
  };
}
