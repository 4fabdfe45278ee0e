import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Disputes" };

export default function AdminDisputesPage() {
  return (
    <ComingSoon
      title="Disputes"
      icon="disputes"
      description="Customer disputes and chargebacks awaiting a decision."
      next="The dispute queue will be worked here: each case with its ledger entries, its deadline and a decision that refunds credits when upheld."
      highlights={["Queue by deadline", "Refund credits", "Appeals"]}
    />
  );
}
