"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";

const MESSAGES: Record<string, { title: string; detail: string }> = {
  invalid_credentials: { title: "Could not sign you in", detail: "Email or password is incorrect." },
  rate_limited: { title: "Too many attempts", detail: "Too many attempts, wait a minute and try again." },
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<{ title: string; detail: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setPending(false);
    if (!result || result.error) {
      setProblem(MESSAGES[result?.error ?? ""] ?? { title: "Could not sign you in", detail: "Something went wrong. Try again." });
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" pending={pending} className="mt-2 w-full">
        Sign in
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </form>
  );
}
