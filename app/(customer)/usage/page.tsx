import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Usage" };

export default function UsagePage() {
  return (
    <ComingSoon
      title="Usage"
      icon="usage"
      description="What your services spent, per day and per service."
      next="Charts and tables of credits spent per service and per day will appear here once your services call the usage API."
      highlights={["Daily totals", "Per-service breakdown", "CSV export"]}
    />
  );
}
