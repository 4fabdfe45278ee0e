"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { postJson, type Problem } from "@/components/ui/problem";
import { signUpBody } from "@/types/auth";

type FieldErrors = Record<string, string[]>;

export function SignUpForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = signUpBody.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const created = await postJson("/api/auth/signup", parsed.data);
    if (!created.ok) {
      setPending(false);
      if (created.problem.code === "conflict") setFieldErrors({ email: ["An account with this email already exists"] });
      else if (created.problem.errors) setFieldErrors(created.problem.errors);
      else setProblem(created.problem);
      return;
    }
    const session = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    setPending(false);
    if (session?.error) {
      router.push("/sign-in");
      return;
    }
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" name="name" autoComplete="name" required autoFocus errors={fieldErrors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={fieldErrors.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required errors={fieldErrors.password} hint="At least 10 characters" />
      <Button type="submit" pending={pending} className="mt-2 w-full">
        Create account
      </Button>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </form>
  );
}
