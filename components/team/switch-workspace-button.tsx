"use client";

import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { useRequest } from "@/hooks/use-request";

/** Makes a workspace the current one (a cookie); the page then shows it. */
export function SwitchWorkspaceButton({ workspaceId, name }: { workspaceId: string; name: string }) {
  const request = useRequest();
  return (
    <>
      <Button size="sm" variant="secondary" pending={request.pending} onClick={() => request.send("POST", "/me/current-workspace", { workspaceId })} aria-label={`Switch to ${name}`}>
        Switch
      </Button>
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </>
  );
}
