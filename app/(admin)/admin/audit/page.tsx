import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Audit log" };

export default function AuditLogPage() {
  return (
    <ComingSoon
      title="Audit log"
      icon="audit"
      description="Every admin and billing action, who did it and when."
      next="Browse and export the audit trail of admin and billing actions, filtered by person, workspace or action."
      highlights={["Search by actor", "Filter by workspace", "Export"]}
    />
  );
}
