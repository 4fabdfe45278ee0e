import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Billing" };

export default function BillingPage() {
  return (
    <ComingSoon
      title="Billing"
      icon="billing"
      description="Your plan, invoices and payment methods."
      next="Your subscription, invoices and receipts will be managed here."
      highlights={["Current plan", "Invoices", "Payment methods"]}
    />
  );
}
