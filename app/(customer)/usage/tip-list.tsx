import type { Tip } from "@/services/insights/efficiency-tips";

const LABELS: Record<Tip["kind"], string> = {
  cost_per_run_rose: "Cost per run",
  plan_cheaper: "Plans",
  expiring_unused: "Expiring credits",
};

/** The efficiency tips, or a line saying none applies (better than an empty box). */
export function TipList({ tips }: { tips: Tip[] }) {
  if (!tips.length) {
    return (
      <p className="text-sm text-slate-600">
        Nothing to change: no service got dearer per run, no plan would have been cheaper than what you bought, and no credits are about to expire
        unused.
      </p>
    );
  }
  return (
    <ul className="space-y-4">
      {tips.map((tip) => (
        <li key={tip.kind + tip.title} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{LABELS[tip.kind]}</p>
          <p className="mt-1 text-sm font-semibold text-slate-900">{tip.title}</p>
          <p className="mt-1 text-sm leading-6 text-slate-700">{tip.detail}</p>
        </li>
      ))}
    </ul>
  );
}
