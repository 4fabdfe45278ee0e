"use client";

import { useCallback, useState } from "react";
import type { Problem } from "@/components/ui/problem";

export type FieldErrors = Record<string, string[]>;
export type ProblemMessage = Pick<Problem, "title" | "detail">;

/** Field errors from a zod parse, keyed by the top-level field name. */
export function fieldErrorsFromIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
  return errors;
}

/**
 * A form's two kinds of feedback: messages under fields, and one problem for the error dialog.
 * Showing field errors moves focus to the first invalid field so keyboard and screen-reader users
 * land on what to fix.
 */
export function useFormFeedback() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ProblemMessage | null>(null);

  const showFieldErrors = useCallback((errors: FieldErrors, form?: HTMLFormElement | null) => {
    setFieldErrors(errors);
    const first = form && Array.from(form.elements).find((element) => element instanceof HTMLInputElement && element.name in errors);
    if (first instanceof HTMLInputElement) first.focus();
  }, []);

  const clear = useCallback(() => {
    setFieldErrors({});
    setProblem(null);
  }, []);

  return { fieldErrors, problem, showFieldErrors, showProblem: setProblem, dismissProblem: () => setProblem(null), clear };
}
