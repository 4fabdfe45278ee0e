import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One headline number with its label and a line saying exactly what it counts. */
export function StatCard({ label, value, note }: { label: string; value: string; note: ReactNode }) {
  return (
    <Card title={label}>
      <p className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</p>
      <p className="mt-1.5 text-sm text-slate-600">{note}</p>
    </Card>
  );
}
