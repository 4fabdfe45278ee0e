"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { postJson, type Problem } from "@/components/ui/problem";
import { fieldErrorsFromIssues, useFormFeedback, type ProblemMessage } from "@/hooks/use-form-feedback";
import { signUpBody, type SignUpResponse } from "@/types/auth";

const PROBLEMS: Record<string, ProblemMessage> = {
  rate_limited: { title: "Too many attempts", detail: "Too many sign-ups from your network. Try again later." },
  payload_too_large: { title: "That was too much to send", detail: "Shorten your name or password and try again." },
};

/**
 * Signs the new account in and goes to `callbackUrl` (already checked to be on this site).
 * `referralCode`: the `ref` of the link the person arrived by, sent with the form (sign-up credits
 * both workspaces after the first payment).
 */
export function SignUpForm({ callbackUrl = "/dashboard", referralCode }: { callbackUrl?: string; referralCode?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const feedback = useFormFeedback();

  function showServerProblem(problem: Problem, form: HTMLFormElement) {
    if (problem.code === "conflict") return feedback.showFieldErrors({ email: ["An account with this email already exists."] }, form);
    if (problem.errors && Object.keys(problem.errors).length) return feedback.showFieldErrors(problem.errors, form);
    feedback.showProblem(PROBLEMS[problem.code] ?? problem);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = signUpBody.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) return feedback.showFieldErrors(fieldErrorsFromIssues(parsed.error.issues), form);
    feedback.clear();
    setPending(true);
    const created = await postJson<SignUpResponse>("/api/auth/signup", parsed.data);
    if (!created.ok) {
      setPending(false);
      showServerProblem(created.problem, form);
      return;
    }
    const session = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false }).catch(() => null);
    if (!session?.ok || session.error) {
      // The account exists; only the automatic sign-in failed. Send them to sign in by hand.
      router.push("/sign-in");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {referralCode && <input type="hidden" name="referralCode" value={referralCode} />}
      <Field label="Name" name="name" autoComplete="name" required autoFocus maxLength={100} errors={feedback.fieldErrors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={feedback.fieldErrors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        errors={feedback.fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="mt-2 w-full">
        Create account
      </Button>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </form>
  );
}
