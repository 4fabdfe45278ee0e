import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Packages" };

export default function PackagesPage() {
  return (
    <ComingSoon
      title="Packages"
      icon="packages"
      description="Credit packs and monthly plans, with their price history."
      next="Edit what each pack and plan costs and how many credits it grants. Every change keeps the old version for past purchases."
      highlights={["Credit packs", "Monthly plans", "Price history"]}
    />
  );
}
