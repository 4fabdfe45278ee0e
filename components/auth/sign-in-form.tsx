"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, useFormFeedback, type ProblemMessage } from "@/hooks/use-form-feedback";
import { emailField } from "@/types/auth";

const signInForm = z.object({
  email: z.string().trim().min(1, "Enter your email").pipe(emailField),
  password: z.string().min(1, "Enter your password"),
});

/** What the credentials provider's error codes mean to the person signing in. */
const SIGN_IN_PROBLEMS: Record<string, ProblemMessage> = {
  invalid_credentials: { title: "Could not sign you in", detail: "Email or password is incorrect. Check both and try again." },
  rate_limited: { title: "Too many attempts", detail: "Too many sign-in attempts for this account or from your network. Wait a few minutes, then try again." },
};
const UNKNOWN_PROBLEM: ProblemMessage = { title: "Could not sign you in", detail: "Something went wrong on our side. Try again in a moment." };

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  const feedback = useFormFeedback();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = signInForm.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result?.ok || result.error) {
        setPending(false);
        feedback.showProblem(SIGN_IN_PROBLEMS[result?.error ?? ""] ?? UNKNOWN_PROBLEM);
        return;
      }
    } catch {
      setPending(false);
      feedback.showProblem({ title: "Could not reach the server", detail: "Check your connection and try again." });
      return;
    }
    // A full page load, not a client transition: what the router cached while signed out (the
    // layouts' redirects to sign-in, "/" sending here) must not be replayed, and "/" is decided by
    // the server, by role. Stays pending through the navigation so the button cannot be pressed twice.
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus errors={feedback.fieldErrors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={feedback.fieldErrors.password} />
      <Button type="submit" pending={pending} className="mt-2 w-full">
        Sign in
      </Button>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </form>
  );
}
