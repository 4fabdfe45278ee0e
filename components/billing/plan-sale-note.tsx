import { formatCents, formatCredits } from "@/lib/format";
import type { AppliedPromotion } from "@/types/promotions";

type Plan = { priceCents: number; currency: string };

/** What the first payment (or first months) of a plan cost under its sale: the Subscribe button's words too. */
export function planSaleTerms(sale: AppliedPromotion, plan: Plan): string {
  const price = formatCents(plan.priceCents, plan.currency);
  if (sale.percentOff === null) {
    const expiry = sale.bonusExpiresDays !== null ? ` (they expire ${sale.bonusExpiresDays} days after payment)` : "";
    return `${formatCredits(sale.bonusCredits)} bonus credits with your first payment${expiry}`;
  }
  const discounted = formatCents(plan.priceCents - sale.discountCents, plan.currency);
  const months = sale.discountMonths ?? 1;
  return months === 1
    ? `${sale.percentOff}% off your first payment: ${discounted}, then ${price} a month`
    : `${sale.percentOff}% off your first ${months} payments: ${discounted} a month, then ${price}`;
}

/** A plan card's sale, named: what the customer pays at first, as Stripe's coupon will charge it. */
export function PlanSaleNote({ sale, plan }: { sale: AppliedPromotion; plan: Plan }) {
  return (
    <p className="mt-1 text-sm font-medium text-emerald-700">
      {sale.name}: {planSaleTerms(sale, plan)}
    </p>
  );
}
