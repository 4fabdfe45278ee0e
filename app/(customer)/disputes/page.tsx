import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Disputes" };

export default function DisputesPage() {
  return (
    <ComingSoon
      title="Disputes"
      icon="disputes"
      description="Questions about a charge or a usage entry."
      next="If a charge or a usage entry looks wrong, you will be able to open a dispute here and follow it to a decision."
      highlights={["Open a dispute", "Status and replies", "Refunded credits"]}
    />
  );
}
