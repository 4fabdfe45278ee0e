import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CurrentPlanCard } from "@/components/billing/current-plan-card";
import { PaymentsModeNotice } from "@/components/billing/payments-mode-notice";
import { RedirectButton } from "@/components/billing/redirect-button";
import { RefreshUntil } from "@/components/billing/refresh-until";
import { PaymentHistory } from "@/components/billing/payment-history";
import { PlanSaleNote, planSaleTerms } from "@/components/billing/plan-sale-note";
import { PlanSwitchButton } from "@/components/billing/plan-switch-button";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCents, formatCredits, formatUnitPrice } from "@/lib/format";
import { stripeMode } from "@/lib/stripe/client";
import { findCurrentSubscription } from "@/services/billing/find-current-subscription";
import { listPackagesOnSale } from "@/services/billing/list-packages-on-sale";
import { listPayments } from "@/services/billing/list-payments";
import { packageSales } from "@/services/promotions/package-sales";
import type { AppliedPromotion } from "@/types/promotions";

export const metadata: Metadata = { title: "Plans and billing" };

type Query = { subscribed?: string; canceled?: string; payments?: string };

export default async function BillingPage({ searchParams }: { searchParams: Promise<Query> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/billing");
  const [workspace, plans, query] = await Promise.all([currentWorkspace(session.user.id), listPackagesOnSale(db(), "MONTH"), searchParams]);
  if (!workspace) redirect("/dashboard");
  const [current, payments] = await Promise.all([findCurrentSubscription(db(), workspace.id), listPayments(db(), { workspaceId: workspace.id, cursor: query.payments })]);
  const canManage = workspace.role !== "MEMBER";
  // Promotions apply to starting a plan, not to switching one.
  const sales = current ? new Map<string, AppliedPromotion | null>() : await packageSales(db(), workspace.id, "PLAN", plans);
  // Back from Checkout before Stripe's webhook has landed: say so, and look again shortly.
  const confirming = Boolean(query.subscribed) && !current;

  return (
    <>
      <PageHeader
        title="Plans and billing"
        description="Monthly plans grant credits with every paid month, at a lower price per credit than packs. Plan credits expire at the end of their month, unless the plan says they roll over."
        actions={canManage ? <RedirectButton path={`/workspaces/${workspace.id}/billing-portal`} urlKey="url" variant="secondary" text="Cards, invoices and receipts" pendingText="Opening…" /> : undefined}
      />
      <PaymentsModeNotice mode={stripeMode()} />
      {confirming && (
        <p role="status" className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          Payment received. Confirming your subscription with Stripe…
          <RefreshUntil />
        </p>
      )}
      {query.canceled && (
        <p role="status" className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          Checkout was canceled. Nothing was charged.
        </p>
      )}
      {current && <CurrentPlanCard plan={current} workspaceId={workspace.id} canManage={canManage} />}
      {plans.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Plans">
          {plans.map((plan) => {
            const isCurrent = current?.plan.id === plan.id;
            const price = formatCents(plan.priceCents, plan.currency);
            const sale = sales.get(plan.id) ?? null;
            return (
              <li key={plan.id}>
                <Card title={plan.name} description={plan.description ?? undefined}>
                  <p className="text-3xl font-semibold text-slate-900">
                    {price}
                    <span className="text-base font-normal text-slate-600"> / month</span>
                  </p>
                  <p className="mt-1 text-sm text-slate-600">
                    {formatCredits(plan.credits)} credits a month · {formatUnitPrice(plan.priceCents / plan.credits, plan.currency)} a credit
                  </p>
                  {sale && <PlanSaleNote sale={sale} plan={plan} />}
                  <div className="mt-4">
                    {isCurrent ? (
                      <p className="text-sm font-medium text-emerald-700">Your current plan</p>
                    ) : !canManage ? null : current ? (
                      <PlanSwitchButton workspaceId={workspace.id} plan={{ id: plan.id, name: plan.name }} verb={switchVerb(current.plan, plan)} />
                    ) : (
                      <RedirectButton
                        path={`/workspaces/${workspace.id}/checkout`}
                        body={{ packageId: plan.id }}
                        urlKey="checkoutUrl"
                        className="w-full"
                        text="Subscribe"
                        pendingText="Opening checkout…"
                        label={sale ? `Subscribe to ${plan.name}: ${planSaleTerms(sale, plan)}` : `Subscribe to ${plan.name} for ${price} a month`}
                      />
                    )}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState title="No plans on sale" icon="billing">
          An administrator has not put any plans on sale yet. Credit packs are on the Buy credits page.
        </EmptyState>
      )}
      {!canManage && (
        <p role="note" className="mt-6 text-sm text-slate-600">
          Only the workspace&apos;s owners and admins can change the plan. Ask one of them.
        </p>
      )}
      <div id="payment-history">
        <PaymentHistory payments={payments.data} firstHref={query.payments ? paymentsHref() : null} nextHref={payments.nextCursor ? paymentsHref(payments.nextCursor) : null} />
      </div>
    </>
  );
}

type PlanTerms = { priceCents: number };
const switchVerb = (from: PlanTerms, to: PlanTerms) => (to.priceCents > from.priceCents ? "Upgrade" : "Downgrade");

function paymentsHref(cursor?: string) {
  return cursor ? `/billing?payments=${encodeURIComponent(cursor)}#payment-history` : "/billing#payment-history";
}
