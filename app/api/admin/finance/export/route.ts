import { withAdmin } from "@/lib/http/route";
import { financeReport } from "@/services/finance/finance-report";
import { financeExportQuery } from "@/types/finance";
import { financeCsv } from "./finance-csv";

// GET /api/admin/finance/export?table=revenue-daily&days=30 — one finance table as CSV
export const GET = withAdmin({ query: financeExportQuery }, async ({ db, query }) => financeCsv(await financeReport(db, query.days), query.table));
