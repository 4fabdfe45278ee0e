import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutButton } from "@/components/billing/checkout-button";
import { PaymentsModeNotice } from "@/components/billing/payments-mode-notice";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCents, formatCredits } from "@/lib/format";
import { stripeMode } from "@/lib/stripe/client";
import { listPackagesOnSale } from "@/services/billing/list-packages-on-sale";

export const metadata: Metadata = { title: "Buy credits" };

export default async function BuyCreditsPage({ searchParams }: { searchParams: Promise<{ canceled?: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/credits");
  const [workspace, packs, { canceled }] = await Promise.all([currentWorkspace(session.user.id), listPackagesOnSale(db(), "ONE_TIME"), searchParams]);
  if (!workspace) redirect("/dashboard");
  const canBuy = workspace.role !== "MEMBER";

  return (
    <>
      <PageHeader title="Buy credits" description="One-time packs. Purchased credits never expire." />
      <PaymentsModeNotice mode={stripeMode()} />
      {canceled && (
        <p role="status" className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          Checkout was canceled. Nothing was charged.
        </p>
      )}
      {!canBuy && (
        <p role="note" className="mb-6 text-sm text-slate-600">
          Only the workspace&apos;s owners and admins can buy credits. Ask one of them to top up.
        </p>
      )}
      {packs.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {packs.map((pack) => (
            <li key={pack.id}>
              <Card title={pack.name} description={pack.description ?? undefined}>
                <p className="text-3xl font-semibold text-slate-900">{formatCredits(pack.credits)} credits</p>
                <p className="mt-1 text-sm text-slate-600">
                  {formatCents(pack.priceCents, pack.currency)} · {formatCents(pack.priceCents / pack.credits, pack.currency)} a credit
                </p>
                {canBuy && (
                  <div className="mt-4">
                    <CheckoutButton workspaceId={workspace.id} packageId={pack.id} text="Buy" label={`Buy ${pack.name} for ${formatCents(pack.priceCents, pack.currency)}`} />
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No credit packs on sale" icon="credits">
          An administrator has not put any packs on sale yet.
        </EmptyState>
      )}
    </>
  );
}
