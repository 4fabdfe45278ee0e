import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await currentSession()) redirect("/dashboard");
  return (
    <AuthCard
      title="Create your account"
      subtitle="Prepaid credits for your automations. You get a personal workspace right away."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-accent-700 underline-offset-4 hover:underline">
            Sign in instead
          </Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
