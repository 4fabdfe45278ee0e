import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { systemClock } from "@/lib/clock";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { Promotion } from "@/lib/generated/prisma/client";
import { listPromotions } from "@/services/promotions/list-promotions";
import { countReferrals } from "@/services/referrals/count-referrals";
import { getReferralSettings } from "@/services/referrals/referral-settings";
import { PromotionCreateDialog } from "./promotion-create-dialog";
import { PromotionStatusButton } from "./promotion-status-button";
import { ReferralSettingsForm } from "./referral-settings-form";

export const metadata: Metadata = { title: "Promotions" };
export const dynamic = "force-dynamic";

export default async function PromotionsPage() {
  if (!(await findAdminSession())) return null;
  const [promotions, referrals, referralCounts] = await Promise.all([
    listPromotions(db()),
    getReferralSettings(db()),
    countReferrals(db()),
  ]);
  const now = systemClock.now();
  return (
    <>
      <PageHeader
        title="Promotions"
        description="Sales and promotion codes: percent off packs, custom amounts and monthly plans (their first payment, or first months), or bonus credits. The price customers see names the promotion; bonus credits are their own ledger entries, taken back if their payment is refunded."
        actions={<PromotionCreateDialog />}
      />
      <div className="flex flex-col gap-6">
        <Card title="Promotions" description="Redemptions count from Checkout (reserved) and are given back if the checkout expires." flush>
          {promotions.length ? (
            <Table caption="Promotions, newest first" columns={[{ label: "Name" }, { label: "Offer" }, { label: "Window" }, { label: "Redeemed", align: "right" }, { label: "Limits" }, { label: "Status" }, { label: "Actions" }]}>
              {promotions.map((promotion) => (
                <tr key={promotion.id}>
                  <td className="px-5 py-3">
                    <div className="font-medium text-slate-900">{promotion.name}</div>
                    <div className="text-xs text-slate-600">{promotion.code ? `Code ${promotion.code}` : "Sale (automatic)"}</div>
                  </td>
                  <td className="px-5 py-3 whitespace-nowrap">{offer(promotion)}</td>
                  <td className="px-5 py-3 text-xs whitespace-nowrap">
                    {formatDateTime(promotion.startsAt)} – {promotion.endsAt ? formatDateTime(promotion.endsAt) : "no end"}
                  </td>
                  <td className="px-5 py-3 text-right">{formatCredits(promotion.redemptionCount)}</td>
                  <td className="px-5 py-3 text-xs">{limits(promotion)}</td>
                  <td className="px-5 py-3">{status(promotion, now)}</td>
                  <td className="px-5 py-3">
                    <PromotionStatusButton promotionId={promotion.id} name={promotion.name} isActive={promotion.isActive} />
                  </td>
                </tr>
              ))}
            </Table>
          ) : (
            <EmptyState title="No promotions yet" icon="inbox" bordered={false}>
              Create a sale (no code) to discount every eligible purchase for a while, or a code to hand out.
            </EmptyState>
          )}
        </Card>
        <Card
          title="Referrals"
          description={`Version ${referrals.version}${referrals.version === 0 ? " (the defaults)" : ""}. Each workspace's link is /sign-up?ref=<code>; both sides are credited once, at the new workspace's first payment. ${referralCounts.rewarded} rewarded, ${referralCounts.pending} waiting for a first payment, ${referralCounts.rejected} refused.`}
        >
          <ReferralSettingsForm settings={referrals.settings} version={referrals.version} />
        </Card>
      </div>
    </>
  );
}

function offer(promotion: Promotion): string {
  if (promotion.kind === "BONUS_CREDITS") return `+${formatCredits(promotion.bonusCredits ?? 0)} credits`;
  if (!promotion.appliesTo.includes("PLAN")) return `${promotion.percentOff}% off`;
  return `${promotion.percentOff}% off (plans: ${promotion.planDiscountMonths === 1 ? "first payment" : `first ${promotion.planDiscountMonths} payments`})`;
}

function limits(promotion: Promotion): string {
  const parts = [
    promotion.maxRedemptions !== null ? `${formatCredits(promotion.maxRedemptions)} total` : null,
    promotion.maxPerWorkspace !== null ? `${promotion.maxPerWorkspace} per workspace` : null,
    promotion.firstPurchaseOnly ? "first purchase" : null,
    promotion.budgetCredits !== null ? `budget ${formatCredits(promotion.budgetUsedCredits)} / ${formatCredits(promotion.budgetCredits)} credits` : null,
    promotion.appliesTo.map((target) => target.toLowerCase()).join(", "),
  ];
  return parts.filter(Boolean).join(" · ");
}

function status(promotion: Promotion, now: Date) {
  if (!promotion.isActive) return <Badge>Paused</Badge>;
  if (promotion.startsAt > now) return <Badge tone="accent">Scheduled</Badge>;
  if (promotion.endsAt && promotion.endsAt <= now) return <Badge>Ended</Badge>;
  return <Badge tone="success">Running</Badge>;
}
