import { csvResponse, type CsvColumn } from "@/lib/http/csv";
import { json } from "@/lib/http/responses";
import { withAdmin } from "@/lib/http/route";
import { iterateAuditLogs, listAuditLogs } from "@/services/audit/list-audit-logs";
import { auditLogPage, auditLogQuery, type AuditLogRow } from "@/types/audit";

const COLUMNS: CsvColumn<AuditLogRow>[] = [
  { header: "id", value: (r) => r.id },
  { header: "created_at", value: (r) => r.createdAt },
  { header: "actor_type", value: (r) => r.actorType },
  { header: "actor_id", value: (r) => r.actorId },
  { header: "actor_email", value: (r) => r.actorEmail },
  { header: "action", value: (r) => r.action },
  { header: "target_type", value: (r) => r.targetType },
  { header: "target_id", value: (r) => r.targetId },
  { header: "workspace_id", value: (r) => r.workspaceId },
  { header: "workspace_name", value: (r) => r.workspaceName },
  { header: "before", value: (r) => (r.before === null ? null : JSON.stringify(r.before)) },
  { header: "after", value: (r) => (r.after === null ? null : JSON.stringify(r.after)) },
];

// GET /api/admin/audit — the audit log, newest first, filtered; ?format=csv exports every match
export const GET = withAdmin({ query: auditLogQuery }, async ({ db, query }) => {
  if (query.format === "csv") return csvResponse("audit-log.csv", COLUMNS, iterateAuditLogs(db, query));
  return json(auditLogPage, await listAuditLogs(db, query));
});
