// Words for dispute states and actions, shared by the customer's and the admin's pages.
import type { BadgeTone } from "@/components/ui/badge";
import type { DisputeStatusName } from "@/types/disputes";

export const STATUS_LABELS: Record<DisputeStatusName, { label: string; tone: BadgeTone }> = {
  OPEN: { label: "Open", tone: "accent" },
  UNDER_REVIEW: { label: "Under review", tone: "accent" },
  APPEALED: { label: "Appealed", tone: "warning" },
  RESOLVED_FULL_REFUND: { label: "Refunded", tone: "success" },
  RESOLVED_PARTIAL_REFUND: { label: "Partly refunded", tone: "success" },
  RESOLVED_EXPLAINED: { label: "Explained", tone: "neutral" },
  REJECTED: { label: "Rejected", tone: "danger" },
};

export const ACTION_LABELS: Record<string, string> = {
  opened: "Dispute opened",
  assigned: "Assigned to a reviewer",
  review_started: "Review started",
  resolved: "Decision",
  rejected: "Rejected",
  appealed: "Appealed",
};

/** "in 5 h", "2 h overdue": how long until (or since) a deadline, in whole hours or days. */
export function timeLeft(dueAt: Date, now: Date): string {
  const hours = Math.round((dueAt.getTime() - now.getTime()) / 3_600_000);
  const span = (h: number) => (Math.abs(h) >= 48 ? `${Math.round(Math.abs(h) / 24)} d` : `${Math.abs(h)} h`);
  return hours >= 0 ? `${span(hours)} left` : `${span(hours)} overdue`;
}
