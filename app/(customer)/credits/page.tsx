import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Buy credits" };

export default function Page() {
  return <ComingSoon title="Buy credits" description="One-time credit packs and monthly plans." next="Packs and plans, paid securely through Stripe, will be offered here." />;
}
