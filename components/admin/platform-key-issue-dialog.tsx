"use client";

import { CopyField } from "@/components/ui/copy-field";
import { CreateAndRevealDialog } from "@/components/ui/create-and-reveal-dialog";
import { Field } from "@/components/ui/field";
import { createPlatformKeyBody, type CreatedApiKey } from "@/types/api-keys";

/** "Issue key": a name, then the key shown once with a copy button, in the same dialog. */
export function PlatformKeyIssueDialog() {
  return (
    <CreateAndRevealDialog<CreatedApiKey>
      trigger="Issue key"
      submitLabel="Issue key"
      path="/admin/platform-keys"
      schema={createPlatformKeyBody}
      title={(issued) => (issued ? `Key for ${issued.name}` : "Issue a platform key")}
      description={(issued) =>
        issued
          ? "Copy it into the service's secret store now: it is shown only this once. Lost keys cannot be recovered, only revoked and replaced."
          : "The key can spend credits from every workspace through the usage API, naming the workspace on each event. It cannot read balances or ledgers. Issuing it is recorded in the audit log."
      }
      fields={(errors) => <Field label="Name" name="name" required autoFocus maxLength={100} hint="Which service uses it, e.g. workflow-runner." errors={errors.name} />}
      reveal={(issued) => <CopyField label="Platform key" value={issued.key} />}
    />
  );
}
