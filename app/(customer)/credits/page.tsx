import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BulkPricingList } from "@/components/billing/bulk-pricing-list";
import Link from "next/link";
import { CheckoutDeclinedDialog } from "@/components/billing/checkout-declined-dialog";
import { RedirectButton } from "@/components/billing/redirect-button";
import { CustomCreditsCheckout } from "@/components/billing/custom-credits-checkout";
import { PaymentsModeNotice } from "@/components/billing/payments-mode-notice";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCents, formatCredits, formatUnitPrice } from "@/lib/format";
import { stripe, stripeMode } from "@/lib/stripe/client";
import { findCheckoutDecline } from "@/services/billing/find-checkout-decline";
import { listPackagesOnSale } from "@/services/billing/list-packages-on-sale";
import { packageSales } from "@/services/promotions/package-sales";
import { getPricingSettings } from "@/services/pricing/pricing-settings";
import { quoteCredits } from "@/services/pricing/quote-credits";

export const metadata: Metadata = { title: "Buy credits" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The monthly plan with the lowest price per credit: the subscriber rate shown beside the pay-as-you-go one. */
function cheapestPlanRate(plans: { name: string; priceCents: number; credits: number; currency: string }[]) {
  const rated = plans.filter((plan) => plan.credits > 0).map((plan) => ({ name: plan.name, currency: plan.currency, unitCents: plan.priceCents / plan.credits }));
  return rated.sort((a, b) => a.unitCents - b.unitCents)[0] ?? null;
}

/** What the custom-amount field starts at: a round, common top-up (and not a pack's size, so the buttons' names differ). */
const FIRST_CUSTOM_AMOUNT = 1_000;

export default async function BuyCreditsPage({ searchParams }: { searchParams: Promise<{ canceled?: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in?callbackUrl=/credits");
  const [workspace, packs, plans, pricing, { canceled }] = await Promise.all([
    currentWorkspace(session.user.id),
    listPackagesOnSale(db(), "ONE_TIME"),
    listPackagesOnSale(db(), "MONTH"),
    getPricingSettings(db()),
    searchParams,
  ]);
  if (!workspace) redirect("/dashboard");
  // Back from Checkout without paying: say why when the bank declined (the payment id is in the cancel URL).
  const decline = canceled && UUID.test(canceled) ? await findCheckoutDecline(db(), stripe(), { paymentId: canceled, userId: session.user.id }).catch(() => null) : null;
  const planRate = cheapestPlanRate(plans);
  const sales = await packageSales(db(), workspace.id, "PACK", packs);
  const canBuy = workspace.role !== "MEMBER";
  // Priced by the same service the quote endpoint and the checkout use, so the numbers agree.
  const initialQuote = quoteCredits(FIRST_CUSTOM_AMOUNT, pricing);
  const tierQuotes = pricing.tiers.map((tier) => quoteCredits(tier.minCredits, pricing));

  return (
    <>
      <PageHeader title="Buy credits" description="One-time packs or any amount you choose. Purchased credits never expire." />
      <PaymentsModeNotice mode={stripeMode()} />
      {canceled && (
        <p role="status" className="mb-6 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          {decline ? "The payment did not go through. Nothing was charged." : "Checkout was canceled. Nothing was charged."}
        </p>
      )}
      {decline && <CheckoutDeclinedDialog message={decline.message} />}
      {!canBuy && (
        <p role="note" className="mb-6 text-sm text-slate-600">
          Only the workspace&apos;s owners and admins can buy credits. Ask one of them to top up.
        </p>
      )}
      {packs.length ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {packs.map((pack) => {
            const sale = sales.get(pack.id) ?? null;
            const priceCents = pack.priceCents - (sale?.discountCents ?? 0);
            return (
              <li key={pack.id}>
                <Card title={pack.name} description={pack.description ?? undefined}>
                  <p className="text-3xl font-semibold text-slate-900">{formatCredits(pack.credits)} credits</p>
                  <p className="mt-1 text-sm text-slate-600">
                    {formatCents(priceCents, pack.currency)}
                    {priceCents !== pack.priceCents && (
                      <>
                        {" "}
                        <s>
                          <span className="sr-only">instead of </span>
                          {formatCents(pack.priceCents, pack.currency)}
                        </s>
                      </>
                    )}{" "}
                    · {formatUnitPrice(priceCents / pack.credits, pack.currency)} a credit
                  </p>
                  {sale && (
                    <p className="mt-1 text-sm font-medium text-emerald-700">
                      {sale.name}: {sale.percentOff !== null ? `${sale.percentOff}% off` : `${formatCredits(sale.bonusCredits)} bonus credits`}
                    </p>
                  )}
                  {canBuy && (
                    <div className="mt-4">
                      <RedirectButton
                        path={`/workspaces/${workspace.id}/checkout`}
                        body={{ packageId: pack.id }}
                        urlKey="checkoutUrl"
                        className="w-full"
                        text="Buy"
                        pendingText="Opening checkout…"
                        label={`Buy ${pack.name} for ${formatCents(priceCents, pack.currency)}`}
                      />
                    </div>
                  )}
                </Card>
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState title="No credit packs on sale" icon="credits">
          An administrator has not put any packs on sale yet.
        </EmptyState>
      )}
      <Card
        title="Any amount"
        description="Pay per credit, with a bulk discount on the whole purchase once it reaches a tier."
        className="mt-6"
      >
        <BulkPricingList baseUnitCents={pricing.baseUnitCents} currency={pricing.currency} tierQuotes={tierQuotes} />
        {planRate && planRate.unitCents < pricing.baseUnitCents && (
          <p className="mt-3 text-sm text-slate-700">
            Subscribers pay less: on the {planRate.name} plan a credit costs {formatUnitPrice(planRate.unitCents, planRate.currency)}.{" "}
            <Link href="/billing" className="font-medium text-accent-700 underline underline-offset-2 hover:text-accent-800">
              Compare plans
            </Link>
          </p>
        )}
        <div className="mt-5">
          <CustomCreditsCheckout workspaceId={canBuy ? workspace.id : null} initialQuote={initialQuote} />
        </div>
      </Card>
    </>
  );
}
