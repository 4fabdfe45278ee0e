import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Webhooks" };

export default function Page() {
  return <ComingSoon title="Webhooks" description="Stripe events received and how they were processed." next="The webhook log, with retries and failures, will appear here." />;
}
