import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return (
    <ComingSoon
      title="API keys"
      icon="key"
      description="Keys your servers use to spend credits through the usage API."
      next="Create, name and revoke the keys your servers send to the usage API. Each key is shown once, when it is created."
      highlights={["Create keys", "Last used", "Revoke"]}
    />
  );
}
