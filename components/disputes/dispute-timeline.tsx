import { formatCredits, formatDateTime } from "@/lib/format";
import type { DisputeEventView } from "@/types/disputes";
import { ACTION_LABELS, STATUS_LABELS } from "./dispute-labels";

function who(event: DisputeEventView): string {
  return event.actorType === "USER" ? "You" : event.actorType === "ADMIN" ? "Support" : "System";
}

/** A dispute's history, oldest first: every decision and its message is the customer's in-app notice. */
export function DisputeTimeline({ events, label, viewer = "customer" }: { events: DisputeEventView[]; label: string; viewer?: "customer" | "admin" }) {
  return (
    <ol aria-label={label} className="space-y-3 border-l-2 border-slate-200 pl-4">
      {events.map((event) => (
        <li key={event.id} className="relative">
          <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-accent-600" />
          <p className="text-sm font-medium text-slate-900">
            {ACTION_LABELS[event.action] ?? event.action}
            {event.toStatus && event.action !== "assigned" && event.fromStatus !== event.toStatus && <> · {STATUS_LABELS[event.toStatus].label}</>}
            {event.credits !== null && event.action !== "opened" && <> · {formatCredits(event.credits)} credits refunded</>}
          </p>
          <p className="text-xs text-slate-600">
            {viewer === "admin" ? event.actorType.toLowerCase() : who(event)} · <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
          </p>
          {event.message && <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-700">{event.message}</p>}
        </li>
      ))}
    </ol>
  );
}
