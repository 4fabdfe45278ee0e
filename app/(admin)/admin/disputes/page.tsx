import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Disputes" };

export default function Page() {
  return <ComingSoon title="Disputes" description="Credit disputes and chargebacks awaiting a decision." next="The dispute queue, with SLAs and appeals, will be worked here." />;
}
