import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/safe-callback-url";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentSession, isPlatformAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const session = await currentSession();
  // Already signed in: straight to the page asked for, or to this person's home (decided here, not
  // through "/", so the client router never replays a "/" it cached while signed out).
  if (session) redirect(callbackUrl !== "/" ? callbackUrl : isPlatformAdmin(session.user.role) ? "/admin" : "/dashboard");
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back. Sign in to manage your workspace's credits."
      footer={
        <>
          New to Streamline?{" "}
          <Link href="/sign-up" className="font-medium text-accent-700 underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
