import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CurrentPlanCard } from "@/components/billing/current-plan-card";
import { PaymentsModeNotice } from "@/components/billing/payments-mode-notice";
import { RedirectButton } from "@/components/billing/redirect-button";
import { RefreshUntil } from "@/components/billing/refresh-until";
import { SubscriptionActionButton } from "@/components/billing/subscription-action-button";
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

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ subscribed?: string; canceled?: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/billing");
  const [workspace, plans, query] = await Promise.all([currentWorkspace(session.user.id), listPackagesOnSale(db(), "MONTH"), searchParams]);
  if (!workspace) redirect("/dashboard");
  const current = await findCurrentSubscription(db(), workspace.id);
  const canManage = workspace.role !== "MEMBER";
  // Back from Checkout before Stripe's webhook has landed: say so, and look again shortly.
  const confirming = Boolean(query.subscribed) && !current;

  return (
    <>
      <PageHeader
        title="Billing"
        description="Monthly plans grant credits with every paid month. Plan credits expire at the end of their month, unless the plan says they roll over."
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
                  <div className="mt-4">
                    {isCurrent ? (
                      <p className="text-sm font-medium text-emerald-700">Your current plan</p>
                    ) : !canManage ? null : current ? (
                      <SubscriptionActionButton
                        workspaceId={workspace.id}
                        change={{ action: "switch_plan", packageId: plan.id }}
                        text={`${switchVerb(current.plan, plan)} to ${plan.name}`}
                        variant="primary"
                        confirmTitle={`${switchVerb(current.plan, plan)} to ${plan.name}?`}
                        confirmDetail={switchDetail(current.plan, plan, price)}
                        confirmText={`${switchVerb(current.plan, plan)} to ${plan.name}`}
                      />
                    ) : (
                      <RedirectButton
                        path={`/workspaces/${workspace.id}/checkout`}
                        body={{ packageId: plan.id }}
                        urlKey="checkoutUrl"
                        className="w-full"
                        text="Subscribe"
                        pendingText="Opening checkout…"
                        label={`Subscribe to ${plan.name} for ${price} a month`}
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
    </>
  );
}

type PlanTerms = { priceCents: number; credits: number };
const isUpgrade = (from: PlanTerms, to: PlanTerms) => to.priceCents > from.priceCents;
const switchVerb = (from: PlanTerms, to: PlanTerms) => (isUpgrade(from, to) ? "Upgrade" : "Downgrade");

function switchDetail(from: PlanTerms, to: PlanTerms, price: string) {
  const renewal = `From now on the plan costs ${price} a month and grants ${formatCredits(to.credits)} credits at each renewal.`;
  return isUpgrade(from, to)
    ? `${renewal} The difference for the rest of this month is charged now, and you get the same share of the extra credits at once.`
    : `${renewal} Nothing is refunded: you keep this month's credits, and the new price starts at your next renewal.`;
}
