"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { apiUrl, readProblem, type Problem } from "@/components/ui/problem";

const NETWORK_PROBLEM = { title: "Could not reach the server", detail: "Check your connection and try again." };

/** Revokes one platform key after a confirmation saying what stops working; then the list refreshes. */
export function PlatformKeyRevokeButton({ keyId, name, prefix }: { keyId: string; name: string; prefix: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Pick<Problem, "title" | "detail"> | null>(null);

  async function revoke() {
    setPending(true);
    const response = await fetch(apiUrl(`/admin/platform-keys/${keyId}`), { method: "DELETE", headers: { accept: "application/json" } }).catch(() => null);
    setPending(false);
    setConfirming(false);
    if (!response) return setProblem(NETWORK_PROBLEM);
    if (!response.ok) return setProblem(await readProblem(response));
    router.refresh();
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      <Dialog
        open={confirming}
        onOpenChange={(open) => !pending && setConfirming(open)}
        title={`Revoke ${name}?`}
        description={`Every request with the key ${prefix}… is refused from now on (401). Usage the service sends after this is not recorded. This cannot be undone: issue a new key to replace it.`}
        closeLabel="Keep the key"
        footer={
          <Button variant="danger" pending={pending} onClick={revoke}>
            Revoke key
          </Button>
        }
      />
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}
