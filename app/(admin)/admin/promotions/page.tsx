import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Promotions" };

export default function Page() {
  return <ComingSoon title="Promotions" description="Discounts and bonus credits." next="Create and schedule promotions here." />;
}
