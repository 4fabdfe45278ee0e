import Link from "next/link";
import { RedirectButton } from "@/components/billing/redirect-button";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { CreditPosition } from "@/services/credits/get-credit-position";
import type { LowBalance } from "@/services/insights/efficiency-tips";
import type { CreditPackView } from "@/types/billing";

type Props = {
  position: CreditPosition;
  low: LowBalance;
  dailyAverage: number;
  smallestPack: CreditPackView | null;
  workspaceId: string;
  canBuy: boolean;
};

type State = { tone: "success" | "warning" | "danger"; badge: string; title: string; body: string };

function stateOf({ position, low, dailyAverage }: Props): State {
  if (position.status === "PAUSED") {
    return {
      tone: "danger",
      badge: "Paused",
      title: "Your wallet is paused: usage is refused",
      body:
        `Streamline support paused it${position.pausedAt ? ` on ${formatDateTime(position.pausedAt)}` : ""}` +
        `${position.pausedReason ? ` — reason given: “${position.pausedReason}”` : ""}. Calls to the usage API answer 423 until it is resumed. ` +
        `Only Streamline support can resume it: reply to their message or contact them, quoting this workspace. You can still buy credits meanwhile.`,
    };
  }
  if (position.spendable <= 0) {
    return {
      tone: "warning",
      badge: "No credits",
      title: "Buy credits to start spending",
      body:
        position.balance < 0
          ? `The balance is ${formatCredits(position.balance)} after a correction: usage is refused until new credits bring it above zero.`
          : `${position.balance > 0 ? `The ${formatCredits(position.balance)} credits left have expired` : "The wallet is empty"}, so usage calls are refused (402). Buy a pack or subscribe to a plan; credits arrive as soon as the payment succeeds.`,
    };
  }
  if (low.isLow) {
    return {
      tone: "warning",
      badge: "Low balance",
      title: "Your balance is running low",
      body:
        low.runwayDays !== null
          ? `At your last 30 days' pace (${formatCredits(Math.round(dailyAverage))} credits a day) the ${formatCredits(position.spendable)} spendable credits last about ${Math.max(1, Math.floor(low.runwayDays))} day${Math.floor(low.runwayDays) === 1 ? "" : "s"}.`
          : `${formatCredits(position.spendable)} credits left: less than the smallest pack.`,
    };
  }
  return {
    tone: "success",
    badge: "Active",
    title: "Your services can spend credits",
    body:
      dailyAverage > 0
        ? `At your last 30 days' pace (${formatCredits(Math.round(dailyAverage))} credits a day) your balance lasts about ${Math.floor(low.runwayDays ?? 0)} days.`
        : "No usage in the last 30 days.",
  };
}

/** What state the account is in and the one thing to do about it. */
export function AccountStatus(props: Props) {
  const state = stateOf(props);
  const { smallestPack, workspaceId, canBuy } = props;
  const needsCredits = state.badge === "No credits" || state.badge === "Low balance";
  const border = { success: "border-slate-200", warning: "border-amber-300", danger: "border-red-300" }[state.tone];
  return (
    <section aria-labelledby="account-status-title" className={`mb-6 rounded-xl border bg-white p-5 shadow-card ${border}`}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 max-w-2xl">
          <Badge tone={state.tone}>{state.badge}</Badge>
          <h2 id="account-status-title" className="mt-2 text-base font-semibold text-slate-900">
            {state.title}
          </h2>
          <p className="mt-1 text-sm leading-6 text-slate-600">{state.body}</p>
        </div>
        {needsCredits && (
          <div className="flex flex-wrap items-center gap-2">
            {canBuy && smallestPack ? (
              // One click: straight to Checkout for the smallest pack (the same request the Buy
              // credits page makes); other amounts one link away.
              <RedirectButton
                path={`/workspaces/${workspaceId}/checkout`}
                body={{ packageId: smallestPack.id }}
                urlKey="checkoutUrl"
                text={`Top up ${formatCredits(smallestPack.credits)} credits for ${formatCents(smallestPack.priceCents, smallestPack.currency)}`}
                pendingText="Opening checkout…"
              />
            ) : null}
            <Link href="/credits" className={buttonClassName({ variant: canBuy && smallestPack ? "secondary" : "primary" })}>
              {canBuy ? "Other amounts" : "See prices"}
            </Link>
          </div>
        )}
      </div>
      {needsCredits && !canBuy && <p className="mt-3 text-sm text-slate-600">Only the workspace&apos;s owners and admins can buy credits: ask one of them to top up.</p>}
    </section>
  );
}
