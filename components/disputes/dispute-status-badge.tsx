import { Badge } from "@/components/ui/badge";
import type { DisputeStatusName } from "@/types/disputes";
import { STATUS_LABELS } from "./dispute-labels";

export function DisputeStatusBadge({ status, appealLevel }: { status: DisputeStatusName; appealLevel?: number }) {
  const { label, tone } = STATUS_LABELS[status];
  return <Badge tone={tone}>{appealLevel && status !== "APPEALED" ? `${label} (appeal)` : label}</Badge>;
}
