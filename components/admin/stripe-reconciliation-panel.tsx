"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, postJson, type Problem } from "@/components/ui/problem";
import { formatCredits } from "@/lib/format";
import type { StripeReconciliationReport } from "@/types/billing-admin";
import { EventFindings, PaymentFindings } from "./reconciliation-findings";

// Dates arrive as ISO strings; the panel shows none of them.
type Report = Omit<StripeReconciliationReport, "since"> & { since: string };

const pluralize = (count: number, one: string, many: string) => `${formatCredits(count)} ${count === 1 ? one : many}`;

/**
 * "Payments not reflected in the ledger": runs the reconciliation read-only on demand, and offers
 * a repair (after a confirmation saying what it will credit) when something is behind.
 */
export function StripeReconciliationPanel() {
  const router = useRouter();
  const [report, setReport] = useState<Report | null>(null);
  const [pending, setPending] = useState<"check" | "repair" | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function run(repair: boolean) {
    setIsConfirming(false);
    setPending(repair ? "repair" : "check");
    const result = await postJson<Report>(apiUrl("/admin/stripe-reconciliation"), { repair });
    setPending(null);
    if (!result.ok) return setProblem(result.problem);
    setReport(result.data);
    if (repair) router.refresh();
  }

  const missing = report && !report.repair ? report.missingBefore : [];
  const behind = report && !report.repair ? report.eventsBehind : [];
  const credits = missing.reduce((sum, finding) => sum + (finding.credits ?? 0), 0);
  const canRepair = missing.length > 0 || behind.length > 0;

  return (
    <Card
      title="Payments not reflected in the ledger"
      description="Compares the last 72 hours at Stripe with the ledger and the stored events. Checking changes nothing."
      className="mt-8"
      flush
      actions={
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => run(false)} pending={pending === "check"} disabled={pending !== null}>
            Check now
          </Button>
          {canRepair && (
            <Button size="sm" onClick={() => setIsConfirming(true)} pending={pending === "repair"} disabled={pending !== null}>
              Repair
            </Button>
          )}
        </div>
      }
    >
      <div aria-live="polite" className="pb-4">
        {report ? <Summary report={report} /> : <p className="px-5 pt-4 text-sm text-slate-600">Not checked yet.</p>}
        {report && (
          <>
            <PaymentFindings title={report.repair ? "Credited by this repair" : "Paid, but not in the ledger"} findings={report.repair ? report.repaired : report.missingBefore} />
            <EventFindings title={report.repair ? "Events that still failed" : "Events not processed here"} findings={report.eventsBehind} />
            <PaymentFindings title="Credited more than once: investigate by hand" findings={report.duplicated} />
            <PaymentFindings title="Paid at Stripe, unknown here" findings={report.unknown} />
          </>
        )}
      </div>
      <Dialog
        open={isConfirming}
        onOpenChange={setIsConfirming}
        title="Repair from Stripe?"
        description={`This credits ${pluralize(missing.length, "payment", "payments")} (${pluralize(credits, "credit", "credits")}) and replays ${pluralize(behind.length, "event", "events")}. Payments already credited are never credited again.`}
        closeLabel="Cancel"
        footer={<Button onClick={() => run(true)}>Repair</Button>}
      />
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </Card>
  );
}

function Summary({ report }: { report: Report }) {
  const text = report.repair
    ? `Repaired ${pluralize(report.repaired.length, "payment", "payments")} and replayed ${pluralize(report.replayedEvents, "event", "events")}.`
    : report.missingBefore.length || report.eventsBehind.length
      ? `${pluralize(report.missingBefore.length, "paid checkout is", "paid checkouts are")} missing from the ledger; ${pluralize(report.eventsBehind.length, "event was", "events were")} not processed.`
      : "Everything Stripe reports is in the ledger.";
  return (
    <p className="px-5 pt-4 text-sm text-slate-700">
      {text} Checked {pluralize(report.checkedPayments, "paid checkout", "paid checkouts")} and {pluralize(report.checkedEvents, "event", "events")}.
    </p>
  );
}
