import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Buy credits" };

export default function BuyCreditsPage() {
  return (
    <ComingSoon
      title="Buy credits"
      icon="credits"
      description="One-time credit packs and monthly plans, paid securely through Stripe."
      next="Credit packs and monthly plans will be offered here. Credits land in your wallet the moment a payment succeeds."
      highlights={["One-time packs", "Monthly plans", "Promotion codes"]}
    />
  );
}
