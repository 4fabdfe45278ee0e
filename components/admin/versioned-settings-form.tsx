"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { apiUrl, postJson } from "@/components/ui/problem";
import { useFormFeedback, type FieldErrors } from "@/hooks/use-form-feedback";

type Issue = z.core.$ZodIssue;

type Props = {
  /** The version the form shows; saving sends it as `basedOn`, so a stale form is refused, not saved over a newer one. */
  version: number;
  /** Where the next version is PUT (under /api). */
  path: string;
  schema: z.ZodType;
  /** The settings as the schema wants them, read from the form. */
  readSettings: (data: FormData) => unknown;
  /** Which field shows an issue (default: the last part of its path). */
  fieldOf?: (issue: Issue) => string;
  savedMessage: string;
  /** The settings' fields, showing `errors` by field name; the reason and the save button follow them. */
  children: (errors: FieldErrors) => ReactNode;
  reasonHint?: string;
};

/** A settings form whose every save is the next version, with a reason kept in the history and the audit log. */
export function VersionedSettingsForm({ version, path, schema, readSettings, fieldOf = (issue) => String(issue.path.at(-1)), savedMessage, children, reasonHint }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const feedback = useFormFeedback();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = schema.safeParse({ basedOn: version, reason: String(data.get("reason") ?? ""), settings: readSettings(data) });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) (errors[fieldOf(issue)] ??= []).push(issue.message);
      return feedback.showFieldErrors(errors, form);
    }
    feedback.clear();
    setPending(true);
    const result = await postJson(apiUrl(path), parsed.data, { method: "PUT" });
    setPending(false);
    if (!result.ok) return feedback.showProblem(result.problem);
    setSaved(true);
    form.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {children(feedback.fieldErrors)}
      <Field label="Reason" name="reason" required maxLength={500} hint={reasonHint} errors={feedback.fieldErrors.reason} className="max-w-md" />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Save as version {version + 1}
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {saved ? savedMessage : ""}
        </p>
      </div>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </form>
  );
}
