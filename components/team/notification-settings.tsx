"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { lowBalanceThresholdBody } from "@/types/mail";
import { useRequest } from "@/hooks/use-request";

export type NotificationToggle = { kind: string; label: string; optional: boolean; enabled: boolean };

/** The member's own mail choices for this workspace, and (owners and admins) the low-balance threshold. */
export function NotificationSettings({ workspaceId, kinds, thresholdCredits, canEditThreshold }: { workspaceId: string; kinds: NotificationToggle[]; thresholdCredits: number; canEditThreshold: boolean }) {
  const request = useRequest();
  const feedback = useFormFeedback();
  const [saved, setSaved] = useState(false);

  async function onThreshold(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSaved(false);
    const parsed = lowBalanceThresholdBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    if ((await request.send("PUT", `/workspaces/${workspaceId}/low-balance`, parsed.data)).ok) setSaved(true);
  }

  return (
    <div className="flex flex-col gap-5">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Email me about</legend>
        <ul className="mt-2 flex flex-col gap-2">
          {kinds.map((kind) => (
            <li key={kind.kind} className="flex items-start gap-3">
              <input
                id={`notify-${kind.kind}`}
                type="checkbox"
                className="mt-0.5 size-4 rounded border-slate-300 accent-accent-600 focus:ring-3 focus:ring-accent-100"
                defaultChecked={kind.enabled}
                disabled={!kind.optional || request.pending}
                onChange={(event) => request.send("PUT", `/workspaces/${workspaceId}/notification-preferences`, { kind: kind.kind, enabled: event.currentTarget.checked })}
              />
              <label htmlFor={`notify-${kind.kind}`} className="text-sm text-slate-700">
                {kind.label}
                {!kind.optional && <span className="text-slate-600"> — always sent</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {canEditThreshold && (
        <form onSubmit={onThreshold} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field
            label="Warn when the balance falls below (credits)"
            name="thresholdCredits"
            type="number"
            inputMode="numeric"
            min={0}
            defaultValue={thresholdCredits}
            className="flex-1"
            errors={feedback.fieldErrors.thresholdCredits}
            hint="Owners and admins get one email each time the balance crosses it."
          />
          <Button type="submit" variant="secondary" pending={request.pending}>
            Save threshold
          </Button>
          <p aria-live="polite" className="text-sm text-slate-600 sm:pb-2.5">
            {saved ? "Saved." : ""}
          </p>
        </form>
      )}
      <ErrorDialog problem={request.problem} onClose={request.dismiss} />
    </div>
  );
}
