import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Promotions" };

export default function PromotionsPage() {
  return (
    <ComingSoon
      title="Promotions"
      icon="promotions"
      description="Discount codes and bonus credits."
      next="Create promotion codes with bonus credits or discounts, set their limits and schedule when they run."
      highlights={["Bonus credits", "Discounts", "Redemption limits"]}
    />
  );
}
