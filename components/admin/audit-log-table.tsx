import { formatDateTime } from "@/lib/format";
import { auditChanges } from "@/services/audit/audit-diff";
import type { AuditLogRow } from "@/types/audit";
import { Table } from "@/components/ui/table";
import { CELL } from "./table-cells";

const COLUMNS = [{ label: "When" }, { label: "Actor" }, { label: "Action" }, { label: "Target" }, { label: "Workspace" }, { label: "Changes" }];

function Changes({ row }: { row: AuditLogRow }) {
  const changes = auditChanges(row.before, row.after);
  if (!changes.length) return <span className="text-slate-600">No recorded change</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {changes.map((change) => (
        <div key={change.field} className="contents">
          <dt className="font-mono text-slate-600">{change.field}</dt>
          <dd className="min-w-0 break-words">
            {change.before !== null && (
              <del className="bg-red-50 text-red-800 decoration-red-400">
                <span className="sr-only">was </span>
                {change.before}
              </del>
            )}
            {change.before !== null && change.after !== null && <span aria-hidden="true"> → </span>}
            {change.after !== null && (
              <ins className="bg-emerald-50 text-emerald-800 no-underline">
                <span className="sr-only">{change.before !== null ? ", now " : "set to "}</span>
                {change.after}
              </ins>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Audit rows with a readable before → after of each changed field. */
export function AuditLogTable({ rows }: { rows: AuditLogRow[] }) {
  return (
    <Table caption="Audit log, newest first" columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top">
          <td className={`${CELL} text-slate-600`}>{formatDateTime(row.createdAt)}</td>
          <td className={CELL}>
            <span className="block text-slate-900">{row.actorEmail ?? row.actorType.toLowerCase().replace("_", " ")}</span>
            {row.actorId && !row.actorEmail && <span className="block font-mono text-xs text-slate-600">{row.actorId}</span>}
          </td>
          <th scope="row" className={`${CELL} font-mono text-xs font-medium text-slate-900`}>
            {row.action}
          </th>
          <td className={CELL}>
            <span className="block text-slate-700">{row.targetType}</span>
            {row.targetId && <span className="block font-mono text-xs text-slate-600">{row.targetId}</span>}
          </td>
          <td className={CELL}>{row.workspaceName ?? <span className="text-slate-600">—</span>}</td>
          <td className="min-w-72 px-5 py-2.5">
            <Changes row={row} />
          </td>
        </tr>
      ))}
    </Table>
  );
}
