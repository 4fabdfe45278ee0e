import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatCredits, formatDateTime } from "@/lib/format";
import type { HoldView } from "@/types/holds";

const cell = "px-5 py-3 whitespace-nowrap";
const TONE = { ACTIVE: "warning", SETTLED: "success", RELEASED: "neutral", EXPIRED: "neutral" } as const;

/** A workspace's credit holds: what each reserved, holds now, and how it ended. */
export function HoldTable({ holds }: { holds: HoldView[] }) {
  return (
    <Table caption="Credit holds, newest first" columns={[{ label: "Service" }, { label: "Status" }, { label: "Reserved", align: "right" }, { label: "Held", align: "right" }, { label: "Charged", align: "right" }, { label: "Expires or ended" }]}>
      {holds.map((hold) => (
        <tr key={hold.id}>
          <td className={`${cell} font-medium text-slate-900`}>
            {hold.service} {hold.reference && <span className="font-normal text-slate-600">{hold.reference}</span>}
          </td>
          <td className={cell}>
            <Badge tone={TONE[hold.status]}>{hold.status.charAt(0) + hold.status.slice(1).toLowerCase()}</Badge>
          </td>
          <td className={`${cell} text-right tabular-nums`}>{formatCredits(hold.credits)}</td>
          <td className={`${cell} text-right font-medium tabular-nums`}>{formatCredits(hold.held)}</td>
          <td className={`${cell} text-right tabular-nums`}>{hold.settledCredits === null ? "—" : formatCredits(hold.settledCredits)}</td>
          <td className={`${cell} text-slate-600`}>{formatDateTime(hold.endedAt ?? hold.expiresAt)}</td>
        </tr>
      ))}
    </Table>
  );
}
