import { Badge } from "@/components/ui/badge";
import { Table, type Column } from "@/components/ui/table";
import { ConfirmButton } from "@/components/team/confirm-button";
import { formatDateTime } from "@/lib/format";
import type { ApiKeyView } from "@/types/api-keys";

type Props = {
  caption: string;
  rows: ApiKeyView[];
  /** Where a key is revoked (DELETE); without it, no key can be revoked here. */
  revokePath?: (key: ApiKeyView) => string;
  /** Who sends usage with these keys, for the revoke confirmation: "your servers", "the service". */
  sender: string;
};

const COLUMNS: Column[] = [{ label: "Name" }, { label: "Key" }, { label: "Created" }, { label: "Last used" }, { label: "Status" }, { label: "Action" }];

/** Keys, newest first: which is which (name, prefix), whether in use, and a revoke behind a confirmation. */
export function ApiKeyTable({ caption, rows, revokePath, sender }: Props) {
  return (
    <Table caption={caption} columns={COLUMNS}>
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
            {revokePath && !row.revokedAt && (
              <ConfirmButton
                label="Revoke"
                ariaLabel={`Revoke ${row.name}`}
                title={`Revoke ${row.name}?`}
                description={`Requests with the key ${row.prefix}… are refused from now on (401), so usage ${sender} send with it is not recorded. This cannot be undone: make a new key to replace it.`}
                confirmLabel="Revoke key"
                cancelLabel="Keep the key"
                method="DELETE"
                path={revokePath(row)}
              />
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
