import { csvResponse } from "@/lib/http/csv";
import { LEDGER_CSV_COLUMNS } from "@/lib/http/ledger-csv";
import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { iterateLedger, listLedger } from "@/services/credits/list-ledger";
import { ledgerPage, ledgerQuery } from "@/types/usage";

// GET /api/admin/workspaces/:workspaceId/ledger — any workspace's ledger; ?format=csv exports it
export const GET = withAdmin({ query: ledgerQuery }, async ({ db, query, params }) => {
  const workspaceId = params.workspaceId!;
  if (query.format === "csv") return csvResponse(`ledger-${workspaceId}.csv`, LEDGER_CSV_COLUMNS, iterateLedger(db, workspaceId, query));
  return json(ledgerPage, await listLedger(db, workspaceId, query));
});
