import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "API keys" };

export default function Page() {
  return <ComingSoon title="API keys" description="Keys your servers use to spend credits." next="Create and revoke keys for the usage API here. Until then, the API accepts keys created through /api/workspaces/:id/api-keys." />;
}
