import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Packages" };

export default function Page() {
  return <ComingSoon title="Packages" description="Credit packs and monthly plans, with price history." next="Edit package prices and credit amounts here; each edit creates a new Stripe Price." />;
}
