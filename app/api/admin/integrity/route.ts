import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { integrityReport } from "@/services/credits/integrity-report";
import { integrityReportResponse } from "@/types/admin-credits";

// GET /api/admin/integrity — every wallet's balance against its ledger and its lots
export const GET = withAdmin({}, async ({ db }) => json(integrityReportResponse, await integrityReport(db)));
