import { LEDGER_TYPE_LABELS } from "@/components/credits/ledger-type-labels";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getLedgerEntryDetail, type LedgerEntryDetail } from "@/services/credits/get-ledger-entry-detail";
import { EntryDetail } from "./entry-detail";
import { EntryDrawer } from "./entry-drawer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findDetail(workspaceId: string, entryId: string): Promise<LedgerEntryDetail | null> {
  if (!UUID.test(entryId)) return null;
  try {
    return await getLedgerEntryDetail(db(), workspaceId, entryId);
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") return null;
    throw error;
  }
}

export type EntryPanelProps = { workspaceId: string; entryId: string; hrefFor: (entryId: string) => string; closeHref: string };

/** The drawer named by `?entry=`: the entry's details, or a plain "not found" for a stale or foreign link. */
export async function EntryPanel({ workspaceId, entryId, hrefFor, closeHref }: EntryPanelProps) {
  const entry = await findDetail(workspaceId, entryId);
  if (!entry) {
    return (
      <EntryDrawer key={entryId} entryId={entryId} title="Entry not found" closeHref={closeHref}>
        <p className="text-sm text-slate-600">This workspace has no ledger entry with that id. The link may be mistyped, or the entry belongs to another workspace.</p>
      </EntryDrawer>
    );
  }
  return (
    <EntryDrawer key={entryId} entryId={entryId} title={LEDGER_TYPE_LABELS[entry.type]} description={formatDateTime(entry.createdAt)} closeHref={closeHref}>
      <EntryDetail entry={entry} hrefFor={hrefFor} />
    </EntryDrawer>
  );
}
