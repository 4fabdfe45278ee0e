import { formatCents } from "@/lib/format";
import type { RevenueRow } from "@/services/finance/revenue";
import { Table } from "@/components/ui/table";
import { NUM } from "./table-cells";

const COLUMNS = [
  { label: "Period" },
  { label: "Payments", align: "right" as const },
  { label: "Gross", align: "right" as const },
  { label: "Refunds", align: "right" as const },
  { label: "Chargebacks", align: "right" as const },
  { label: "Net packs", align: "right" as const },
  { label: "Net subscriptions", align: "right" as const },
  { label: "Net", align: "right" as const },
];

export function RevenueTable({ rows, caption, total }: { rows: RevenueRow[]; caption: string; total?: RevenueRow }) {
  return (
    <Table caption={caption} columns={COLUMNS}>
      {[...rows, ...(total ? [total] : [])].map((row) => (
        <tr key={row.period} className={row === total ? "bg-slate-50 font-semibold" : undefined}>
          <th scope="row" className="px-5 py-2.5 font-medium whitespace-nowrap text-slate-900">
            {row === total ? "Total" : row.period}
          </th>
          <td className={NUM}>{row.payments}</td>
          <td className={NUM}>{formatCents(row.grossCents)}</td>
          <td className={NUM}>{row.refundsCents ? `−${formatCents(row.refundsCents)}` : formatCents(0)}</td>
          <td className={NUM}>{row.chargebacksCents ? `−${formatCents(row.chargebacksCents)}` : formatCents(0)}</td>
          <td className={NUM}>{formatCents(row.netPacksCents)}</td>
          <td className={NUM}>{formatCents(row.netSubscriptionsCents)}</td>
          <td className={`${NUM} font-medium text-slate-900`}>{formatCents(row.netCents)}</td>
        </tr>
      ))}
    </Table>
  );
}
