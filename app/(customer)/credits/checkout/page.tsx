import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RefreshUntil } from "@/components/billing/refresh-until";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { formatCredits } from "@/lib/format";
import { stripe } from "@/lib/stripe/client";
import { completeCheckoutReturn } from "@/services/billing/complete-checkout-return";

export const metadata: Metadata = { title: "Payment" };

const SESSION_ID = /^cs_[A-Za-z0-9_]{1,250}$/;

// Stripe sends the browser here after Checkout, with ?session_id=cs_…
export default async function CheckoutReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const session = await currentSession();
  const { session_id: sessionId = "" } = await searchParams;
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/credits/checkout?session_id=${sessionId}`)}`);
  if (!SESSION_ID.test(sessionId)) redirect("/credits");
  const outcome = await completeCheckoutReturn(db(), stripe(), { sessionId, userId: session.user.id }).catch((error: unknown) => {
    if (!(error instanceof DomainError)) console.error("Checkout return failed", error);
    return null;
  });

  return (
    <>
      <PageHeader title="Payment" />
      <Card>
        <div role="status" aria-live="polite">
          {outcome?.status === "credited" && (
            <>
              <h2 className="text-lg font-semibold text-slate-900">{formatCredits(outcome.credits)} credits added</h2>
              <p className="mt-1 text-sm text-slate-600">Your balance is now {formatCredits(outcome.balance)} credits. A receipt is on its way from Stripe.</p>
            </>
          )}
          {outcome?.status === "pending" && (
            <>
              <h2 className="text-lg font-semibold text-slate-900">Payment processing</h2>
              <p className="mt-1 text-sm text-slate-600">
                Your bank has not confirmed the payment yet (a bank debit can take up to four business days). Credits are added the moment
                it does, and this page checks for you while it is open.
              </p>
              <RefreshUntil everySeconds={5} times={24} />
            </>
          )}
          {outcome?.status === "failed" && (
            <>
              <h2 className="text-lg font-semibold text-slate-900">Payment failed</h2>
              <p className="mt-1 text-sm text-slate-600">{outcome.message}. Nothing was added; you can try again.</p>
            </>
          )}
          {!outcome && (
            <>
              <h2 className="text-lg font-semibold text-slate-900">We could not find this payment</h2>
              <p className="mt-1 text-sm text-slate-600">It may belong to another account, or Stripe could not be reached. Your balance shows what has arrived.</p>
            </>
          )}
        </div>
        <div className="mt-5 flex gap-3">
          <Link href="/dashboard" className={buttonClassName()}>
            Go to dashboard
          </Link>
          <Link href="/credits" className={buttonClassName({ variant: "secondary" })}>
            Buy more credits
          </Link>
        </div>
      </Card>
    </>
  );
}
