import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Audit log" };

export default function Page() {
  return <ComingSoon title="Audit log" description="Every admin and billing action, with before and after." next="Browse and export the audit log here." />;
}
