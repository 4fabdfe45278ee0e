"use client";

import { CopyField } from "@/components/ui/copy-field";
import { CreateAndRevealDialog } from "@/components/ui/create-and-reveal-dialog";
import { Field } from "@/components/ui/field";
import { createApiKeyBody, type CreatedApiKey } from "@/types/api-keys";

/** "Create key": a name, then the secret shown once with a copy button, in the same dialog. */
export function ApiKeyCreateDialog({ workspaceId }: { workspaceId: string }) {
  return (
    <CreateAndRevealDialog<CreatedApiKey>
      trigger="Create key"
      submitLabel="Create key"
      path={`/workspaces/${workspaceId}/api-keys`}
      schema={createApiKeyBody}
      title={(created) => (created ? `Key “${created.name}” created` : "Create an API key")}
      description={(created) =>
        created
          ? "Copy it into your server's secret store now: it is shown only this once. A lost key cannot be recovered, only revoked and replaced."
          : "Your servers send it as `Authorization: Bearer …` to the usage API. It spends this workspace's credits."
      }
      fields={(errors) => <Field label="Name" name="name" required autoFocus maxLength={100} hint="Where it is used, e.g. production-worker." errors={errors.name} />}
      reveal={(created) => <CopyField label="API key" value={created.key} />}
    />
  );
}
