import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { Customer } from "@/services/admin/get-customer";

const cell = "px-5 py-3 whitespace-nowrap";

export function MemberTable({ members }: { members: Customer["members"] }) {
  return (
    <Table caption="Members and their roles" columns={[{ label: "Email" }, { label: "Name" }, { label: "Role" }, { label: "Joined" }]}>
      {members.map((member) => (
        <tr key={member.id}>
          <td className={`${cell} font-medium text-slate-900`}>{member.email}</td>
          <td className={cell}>{member.name ?? "—"}</td>
          <td className={cell}>{member.role.charAt(0) + member.role.slice(1).toLowerCase()}</td>
          <td className={`${cell} text-slate-600`}>{formatDateTime(member.joinedAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

type AuditRow = { id: string; actorType: string; actorId: string | null; action: string; before: unknown; after: unknown; createdAt: Date };

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value));

/** The workspace's audit trail: who did what, with the state before and after. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table caption="Audit trail, newest first" columns={[{ label: "When" }, { label: "Action" }, { label: "By" }, { label: "Before" }, { label: "After" }]}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top">
          <td className={`${cell} text-slate-600`}>{formatDateTime(row.createdAt)}</td>
          <td className={`${cell} font-mono text-xs text-slate-900`}>{row.action}</td>
          <td className={`${cell} text-xs`}>
            {row.actorType.toLowerCase()}
            {row.actorId && <span className="block font-mono text-slate-600">{row.actorId.slice(0, 8)}</span>}
          </td>
          <td className="max-w-[16rem] px-5 py-3 font-mono text-xs break-all text-slate-700">{json(row.before)}</td>
          <td className="max-w-[16rem] px-5 py-3 font-mono text-xs break-all text-slate-700">{json(row.after)}</td>
        </tr>
      ))}
    </Table>
  );
}
