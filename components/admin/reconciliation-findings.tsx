import { Table, type Column } from "@/components/ui/table";
import { formatCents, formatCredits } from "@/lib/format";
import type { EventFinding, PaymentFinding } from "@/types/billing-admin";

const PAYMENT_COLUMNS: Column[] = [{ label: "Checkout session" }, { label: "Workspace" }, { label: "Paid", align: "right" }, { label: "Credits", align: "right" }, { label: "Ledger entries", align: "right" }];

/** Payments from a reconciliation report: what Stripe was paid, and what the ledger holds for it. */
export function PaymentFindings({ title, findings }: { title: string; findings: PaymentFinding[] }) {
  if (!findings.length) return null;
  return (
    <div className="mt-4">
      <h3 className="px-5 pb-2 text-sm font-semibold text-slate-900">{title}</h3>
      <Table caption={title} columns={PAYMENT_COLUMNS}>
        {findings.map((finding) => (
          <tr key={finding.stripeId}>
            <th scope="row" className="px-5 py-3 font-mono text-xs font-normal text-slate-700">
              {finding.stripeId}
              {finding.error && <span className="mt-1 block font-sans text-red-800">Repair failed: {finding.error}</span>}
            </th>
            <td className="px-5 py-3 font-mono text-xs text-slate-700">{finding.workspaceId ?? "No payment here"}</td>
            <td className="px-5 py-3 text-right tabular-nums">{finding.amountCents === null ? "—" : formatCents(finding.amountCents, finding.currency ?? "usd")}</td>
            <td className="px-5 py-3 text-right tabular-nums">{finding.credits === null ? "—" : formatCredits(finding.credits)}</td>
            <td className="px-5 py-3 text-right tabular-nums">{finding.ledgerEntries}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

const EVENT_COLUMNS: Column[] = [{ label: "Event" }, { label: "Here" }, { label: "Error" }];
const LOCAL_STATUS: Record<EventFinding["localStatus"], string> = { MISSING: "Never received", RECEIVED: "Not processed", FAILED: "Failed" };

/** Stripe events the app has not processed. */
export function EventFindings({ title, findings }: { title: string; findings: EventFinding[] }) {
  if (!findings.length) return null;
  return (
    <div className="mt-4">
      <h3 className="px-5 pb-2 text-sm font-semibold text-slate-900">{title}</h3>
      <Table caption={title} columns={EVENT_COLUMNS}>
        {findings.map((finding) => (
          <tr key={finding.id}>
            <th scope="row" className="px-5 py-3 font-normal">
              <span className="block text-slate-900">{finding.type}</span>
              <span className="block font-mono text-xs text-slate-600">{finding.id}</span>
            </th>
            <td className="px-5 py-3 whitespace-nowrap">{LOCAL_STATUS[finding.localStatus]}</td>
            <td className="max-w-xs px-5 py-3 text-xs break-words text-red-800">{finding.error ?? ""}</td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
