import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentSession } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

type SignUpPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: SignUpPageProps) {
  const { callbackUrl: requested, ref } = await searchParams;
  const callbackUrl = safeCallbackUrl(requested);
  const referralCode = typeof ref === "string" && /^[A-Za-z0-9]{4,32}$/.test(ref) ? ref : undefined;
  if (await currentSession()) redirect(callbackUrl);
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
      <SignUpForm callbackUrl={callbackUrl} referralCode={referralCode} />
    </AuthCard>
  );
}
