import type { StripeMode } from "@/lib/stripe/client";

/** Says where payments go, so nobody mistakes the local emulator for real money (or the reverse). */
export function PaymentsModeNotice({ mode }: { mode: StripeMode }) {
  if (mode === "live") return null;
  return (
    <p role="note" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <strong className="font-semibold">Test payments.</strong> No Stripe keys are configured, so checkout runs on the local Stripe
      emulator: pay with card 4242 4242 4242 4242, any future date and any CVC. No money moves.
    </p>
  );
}
