import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Billing" };

export default function Page() {
  return <ComingSoon title="Billing" description="Your plan, invoices and payment methods." next="Your subscription, invoices and payment methods will be managed here." />;
}
