import { csvResponse } from "@/lib/http/csv";
import { LEDGER_CSV_COLUMNS } from "@/lib/http/ledger-csv";
import { json } from "@/lib/http/responses";
import { withWorkspace } from "@/lib/http/route";
import { iterateLedger, listLedger } from "@/services/credits/list-ledger";
import { ledgerPage, ledgerQuery } from "@/types/usage";

// GET /api/workspaces/:workspaceId/ledger — credit history, newest first, filtered by type,
// service, dates and reference; ?format=csv streams every entry of that filtered view (the
// transactions page's "Export CSV")
export const GET = withWorkspace({ query: ledgerQuery }, async ({ db, query, workspace }) => {
  const id = workspace.workspaceId;
  if (query.format === "csv") return csvResponse(`ledger-${id}.csv`, LEDGER_CSV_COLUMNS, iterateLedger(db, id, query));
  return json(ledgerPage, await listLedger(db, id, query));
});
