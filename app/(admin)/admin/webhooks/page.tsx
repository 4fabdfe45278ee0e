import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return (
    <ComingSoon
      title="Webhooks"
      icon="webhooks"
      description="Stripe events received and how each was processed."
      next="Every Stripe event will be listed here with its outcome, so a failed one can be found and replayed."
      highlights={["Event log", "Failures", "Replay"]}
    />
  );
}
