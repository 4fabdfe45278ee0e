import { csvResponse } from "@/lib/http/csv";
import { LEDGER_CSV_COLUMNS } from "@/lib/http/ledger-csv";
import { json } from "@/lib/http/responses";
import { withApiKey } from "@/lib/http/route";
import { iterateLedger, listLedger } from "@/services/credits/list-ledger";
import { ledgerPage, ledgerQuery } from "@/types/usage";

// GET /api/v1/ledger — the workspace's ledger, newest first; ?format=csv exports all matches
export const GET = withApiKey({ query: ledgerQuery }, async ({ db, query, caller }) => {
  if (query.format === "csv") {
    return csvResponse(`ledger-${caller.workspaceId}.csv`, LEDGER_CSV_COLUMNS, iterateLedger(db, caller.workspaceId, query));
  }
  return json(ledgerPage, await listLedger(db, caller.workspaceId, query));
});
