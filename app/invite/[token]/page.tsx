import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationButton } from "@/components/team/accept-invitation-button";
import { buttonClassName } from "@/components/ui/button";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvitation } from "@/services/workspaces/find-invitation";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

const LINK = "font-medium text-accent-700 underline-offset-4 hover:underline";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, session] = await Promise.all([/^[A-Za-z0-9_-]{20,200}$/.test(token) ? findInvitation(db(), token) : null, currentSession()]);
  const here = `/invite/${token}`;

  if (!invitation || invitation.state !== "open") {
    const title = !invitation ? "This invitation link does not work" : invitation.state === "expired" ? "This invitation has expired" : "This invitation was already used";
    return (
      <AuthCard title={title} subtitle="Ask someone in the workspace to invite you again: each link works once and for 7 days." footer={<Link href={session ? "/dashboard" : "/sign-in"} className={LINK}>{session ? "Go to your dashboard" : "Sign in"}</Link>}>
        <p className="text-sm text-slate-600">Check that you opened the whole link from the email.</p>
      </AuthCard>
    );
  }

  const role = invitation.role === "ADMIN" ? "an admin" : invitation.role === "OWNER" ? "an owner" : "a member";
  const subtitle = `${invitation.invitedBy ?? "Someone"} invited ${invitation.email} to join as ${role}.`;
  return (
    <AuthCard
      title={`Join ${invitation.workspaceName}`}
      subtitle={subtitle}
      footer={
        session ? (
          <>
            Not you?{" "}
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={LINK}>
              Sign in with another account
            </Link>
          </>
        ) : (
          <>
            New here?{" "}
            <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`} className={LINK}>
              Create an account
            </Link>
          </>
        )
      }
    >
      {session ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            You are signed in as <span className="font-medium break-all">{session.user.email}</span>.
          </p>
          <AcceptInvitationButton token={token} workspaceName={invitation.workspaceName} />
        </div>
      ) : (
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClassName({ className: "w-full" })}>
          Sign in to accept
        </Link>
      )}
    </AuthCard>
  );
}
