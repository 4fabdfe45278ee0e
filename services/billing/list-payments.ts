import "server-only";
import type { Db } from "@/lib/db";
import type { PaymentHistoryItem } from "@/types/billing";

export type PaymentHistoryPage = { data: PaymentHistoryItem[]; nextCursor: string | null };

const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  return id && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

/**
 * The workspace's payments, newest first, keyset-paged on (created, id): what each bought, its
 * state, and Stripe's receipt once paid. Scoped to the workspace; a cursor that does not decode
 * starts from the first page.
 */
export async function listPayments(db: Db, input: { workspaceId: string; cursor?: string | null; limit?: number }): Promise<PaymentHistoryPage> {
  const limit = input.limit ?? 20;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db.payment.findMany({
    where: {
      workspaceId: input.workspaceId,
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      createdAt: true,
      paidAt: true,
      status: true,
      interval: true,
      amountCents: true,
      amountRefundedCents: true,
      currency: true,
      credits: true,
      bonusCredits: true,
      receiptUrl: true,
      stripeInvoiceId: true,
      package: { select: { name: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      paidAt: row.paidAt,
      description: describe(row),
      status: row.status,
      amountCents: row.amountCents,
      amountRefundedCents: row.amountRefundedCents,
      currency: row.currency,
      credits: row.credits + row.bonusCredits,
      receiptUrl: row.receiptUrl,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

function describe(row: { interval: "ONE_TIME" | "MONTH"; package: { name: string } | null }): string {
  if (!row.package) return "Credits, custom amount";
  return row.interval === "MONTH" ? `${row.package.name} plan` : `${row.package.name} pack`;
}
