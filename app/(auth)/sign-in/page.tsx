import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths: an open redirect would hand sessions to another site. */
function safeCallback(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await currentSession()) redirect(callbackUrl);
  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Sign in to manage your credits." footer={<>New here? <Link href="/sign-up" className="font-medium text-accent-600 underline-offset-4 hover:underline">Create an account</Link></>}>
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
