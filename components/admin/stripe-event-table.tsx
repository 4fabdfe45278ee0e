import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { StripeEventRow, StripeEventStatus } from "@/types/billing-admin";
import { StripeEventReplayButton } from "./stripe-event-replay-button";

const COLUMNS: Column[] = [{ label: "Received" }, { label: "Type" }, { label: "Status" }, { label: "Attempts", align: "right" }, { label: "Last error" }, { label: "Next attempt" }, { label: "Action" }];

const STATUS: Record<StripeEventStatus, { label: string; tone: BadgeTone }> = {
  PROCESSED: { label: "Processed", tone: "success" },
  IGNORED: { label: "Ignored", tone: "neutral" },
  RECEIVED: { label: "Not processed", tone: "warning" },
  FAILED: { label: "Failed", tone: "danger" },
};

/** Stored Stripe events with their outcome; failed and unprocessed ones can be replayed. */
export function StripeEventTable({ rows, caption }: { rows: StripeEventRow[]; caption: string }) {
  return (
    <Table caption={caption} columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top hover:bg-slate-50/60">
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(row.receivedAt)}</td>
          <th scope="row" className="px-5 py-3 font-normal">
            <span className="block font-medium text-slate-900">{row.type}</span>
            <span className="block font-mono text-xs text-slate-600">{row.id}</span>
          </th>
          <td className="px-5 py-3">
            <Badge tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Badge>
          </td>
          <td className="px-5 py-3 text-right tabular-nums">{row.attempts}</td>
          <td className="max-w-xs px-5 py-3 text-xs break-words text-red-800">{row.lastError ?? <span className="text-slate-500">None</span>}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{nextAttempt(row)}</td>
          <td className="px-5 py-3">{(row.status === "FAILED" || row.status === "RECEIVED") && <StripeEventReplayButton eventId={row.id} />}</td>
        </tr>
      ))}
    </Table>
  );
}

function nextAttempt(row: StripeEventRow) {
  if (row.status === "PROCESSED" || row.status === "IGNORED") return "—";
  return row.nextAttemptAt ? formatDateTime(row.nextAttemptAt) : "None left: replay by hand";
}
