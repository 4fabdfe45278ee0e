"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, readProblem, type Problem } from "@/components/ui/problem";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { PlanChangePreview } from "@/types/billing";
import { newIdempotencyKey, sendPlanChange } from "./billing-request";

type Props = { workspaceId: string; plan: { id: string; name: string }; verb: "Upgrade" | "Downgrade" };

/** What the preview endpoint answers: dates arrive as ISO strings. */
type PreviewJson = Omit<PlanChangePreview, "nextRenewal"> & { nextRenewal: { at: string; amountCents: number; credits: number } };

/**
 * Switch to another plan, showing first what it costs: Stripe's preview of the prorated charge now
 * (and the credits it brings) or, for a downgrade, that nothing is charged until the renewal. The
 * confirmation sends the preview's proration date, so the charge is exactly what was shown.
 */
export function PlanSwitchButton({ workspaceId, plan, verb }: Props) {
  const router = useRouter();
  const [preview, setPreview] = useState<PreviewJson | null>(null);
  const [loading, setLoading] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState("");

  async function open() {
    setLoading(true);
    try {
      const response = await fetch(apiUrl(`/workspaces/${workspaceId}/subscription/preview?packageId=${encodeURIComponent(plan.id)}`), { headers: { accept: "application/json" } });
      if (response.ok) {
        setIdempotencyKey(newIdempotencyKey());
        setPreview((await response.json()) as PreviewJson);
      } else setProblem(await readProblem(response));
    } catch {
      setProblem({ code: "network_error", title: "Could not reach the server", detail: "Check your connection and try again." });
    }
    setLoading(false);
  }

  async function confirm() {
    if (!preview) return;
    setPending(true);
    const result = await sendPlanChange(workspaceId, { action: "switch_plan", packageId: plan.id, ...(preview.direction === "upgrade" ? { prorationDate: preview.prorationDate } : {}) }, idempotencyKey);
    setPending(false);
    setPreview(null);
    if (result.ok) router.refresh();
    else setProblem(result.problem);
  }

  const title = `${verb} to ${plan.name}?`;
  return (
    <>
      <Button className="w-full" onClick={open} pending={loading} aria-label={`${verb} to ${plan.name}`}>
        {loading ? "Working out the price…" : `${verb} to ${plan.name}`}
      </Button>
      <Dialog
        open={preview !== null}
        onOpenChange={(isOpen) => !pending && !isOpen && setPreview(null)}
        title={title}
        description={preview ? summary(preview) : undefined}
        closeLabel="Not now"
        footer={
          <Button pending={pending} onClick={confirm}>
            {preview?.direction === "upgrade" ? `Pay ${formatCents(preview.dueNowCents, preview.currency)} and ${verb.toLowerCase()}` : `${verb} to ${plan.name}`}
          </Button>
        }
      >
        {preview && preview.lines.length > 0 && <ProrationLines preview={preview} />}
      </Dialog>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}

function summary(preview: PreviewJson): string {
  const renewal = `From ${formatDateTime(new Date(preview.nextRenewal.at))} the plan renews at ${formatCents(preview.nextRenewal.amountCents, preview.currency)} a month with ${formatCredits(preview.nextRenewal.credits)} credits.`;
  if (preview.direction === "downgrade") return `Nothing is charged or refunded now, and you keep this month's credits. ${renewal}`;
  return `You pay ${formatCents(preview.dueNowCents, preview.currency)} now for the rest of this month and get ${formatCredits(preview.creditsNow)} extra credits at once. ${renewal}`;
}

function ProrationLines({ preview }: { preview: PreviewJson }) {
  return (
    <table className="w-full text-sm" aria-label="How the charge is worked out">
      <tbody className="divide-y divide-slate-100">
        {preview.lines.map((line) => (
          <tr key={line.description}>
            <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-700">
              {line.description}
            </th>
            <td className="py-1.5 text-right whitespace-nowrap tabular-nums text-slate-900">{formatCents(line.amountCents, preview.currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t border-slate-300">
          <th scope="row" className="pt-2 text-left font-semibold text-slate-900">
            Due now
          </th>
          <td className="pt-2 text-right font-semibold whitespace-nowrap tabular-nums text-slate-900">{formatCents(preview.dueNowCents, preview.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
