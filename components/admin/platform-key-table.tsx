import { Badge } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { ApiKeyView } from "@/types/api-keys";
import { PlatformKeyRevokeButton } from "./platform-key-revoke-button";

const COLUMNS: Column[] = [{ label: "Name" }, { label: "Key" }, { label: "Issued" }, { label: "Last used" }, { label: "Status" }, { label: "Action" }];

/** Platform keys, newest first: which is which (name, prefix), whether in use, and a way to revoke. */
export function PlatformKeyTable({ rows }: { rows: ApiKeyView[] }) {
  return (
    <Table caption="Platform keys" columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top hover:bg-slate-50/60">
          <th scope="row" className="px-5 py-3 font-medium text-slate-900">
            {row.name}
          </th>
          <td className="px-5 py-3 font-mono text-xs whitespace-nowrap text-slate-700">{row.prefix}…</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(row.createdAt)}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{row.lastUsedAt ? formatDateTime(row.lastUsedAt) : "Never"}</td>
          <td className="px-5 py-3">
            {row.revokedAt ? <Badge tone="neutral">Revoked {formatDateTime(row.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>}
          </td>
          <td className="px-5 py-3">{!row.revokedAt && <PlatformKeyRevokeButton keyId={row.id} name={row.name} prefix={row.prefix} />}</td>
        </tr>
      ))}
    </Table>
  );
}
