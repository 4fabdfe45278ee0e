import { Badge } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { ConfirmButton } from "@/components/team/confirm-button";
import { formatDateTime } from "@/lib/format";
import type { ApiKeyView } from "@/types/api-keys";

const COLUMNS: Column[] = [{ label: "Name" }, { label: "Key" }, { label: "Created" }, { label: "Last used" }, { label: "Status" }, { label: "Action" }];

/** The workspace's keys, newest first; owners and admins may revoke active ones. */
export function ApiKeyTable({ workspaceId, rows, canManage }: { workspaceId: string; rows: ApiKeyView[]; canManage: boolean }) {
  return (
    <Table caption="API keys" columns={COLUMNS}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top hover:bg-slate-50/60">
          <th scope="row" className="px-5 py-3 font-medium break-words text-slate-900">
            {row.name}
          </th>
          <td className="px-5 py-3 font-mono text-xs whitespace-nowrap text-slate-700">{row.prefix}…</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{formatDateTime(row.createdAt)}</td>
          <td className="px-5 py-3 whitespace-nowrap text-slate-600">{row.lastUsedAt ? formatDateTime(row.lastUsedAt) : "Never"}</td>
          <td className="px-5 py-3">{row.revokedAt ? <Badge tone="neutral">Revoked {formatDateTime(row.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>}</td>
          <td className="px-5 py-3">
            {canManage && !row.revokedAt && (
              <ConfirmButton
                label="Revoke"
                ariaLabel={`Revoke ${row.name}`}
                title={`Revoke ${row.name}?`}
                description={`Requests with the key ${row.prefix}… are refused from now on (401), so usage your servers send with it is not recorded. This cannot be undone: create a new key to replace it.`}
                confirmLabel="Revoke key"
                cancelLabel="Keep the key"
                method="DELETE"
                path={`/workspaces/${workspaceId}/api-keys/${row.id}`}
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
