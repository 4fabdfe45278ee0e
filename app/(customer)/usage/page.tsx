import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Usage" };

export default function Page() {
  return <ComingSoon title="Usage" description="What your services spent, per day and per service." next="Charts of credits spent per service and per day will appear here." />;
}
