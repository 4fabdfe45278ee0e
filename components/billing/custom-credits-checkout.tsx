"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import type { Problem } from "@/components/ui/problem";
import { useCreditQuote } from "@/hooks/use-credit-quote";
import { formatCents, formatCredits, formatUnitPrice } from "@/lib/format";
import { newIdempotencyKey, postWithKeyAndRedirect } from "./billing-request";
import { MAX_CREDITS_PER_PURCHASE, MIN_CREDITS_PER_PURCHASE, type CreditQuote } from "@/types/pricing";

type Props = {
  /** The workspace that pays; null when the viewer may see prices but not buy. */
  workspaceId: string | null;
  /** Priced on the server for the first render, so the page shows a price before any request. */
  initialQuote: CreditQuote;
};

/**
 * A custom number of credits: the price updates as the user types (from the quote endpoint), and
 * Buy opens Checkout for exactly that amount. The server quotes again when the checkout starts,
 * so what Stripe charges never depends on what this form last showed.
 */
export function CustomCreditsCheckout({ workspaceId, initialQuote }: Props) {
  const initialText = String(initialQuote.credits);
  const [text, setText] = useState(initialText);
  const [code, setCode] = useState("");
  const { quote, errors, codeErrors, isPending } = useCreditQuote(text, { text: initialText, quote: initialQuote }, code);
  const [submitting, setSubmitting] = useState(false);
  const [checkoutErrors, setCheckoutErrors] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const priceId = useId();

  async function buy(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!workspaceId || !quote || isPending) return;
    setSubmitting(true);
    const body = { credits: quote.credits, ...(code.trim() ? { promotionCode: code.trim() } : {}) };
    const failure = await postWithKeyAndRedirect(`/workspaces/${workspaceId}/checkout`, body, "checkoutUrl", newIdempotencyKey());
    setSubmitting(false);
    if (failure.errors?.credits) setCheckoutErrors(failure.errors.credits);
    else setProblem(failure);
  }

  const shownErrors = isPending ? [] : [...errors, ...checkoutErrors];
  return (
    <>
      <form onSubmit={buy} noValidate className="grid gap-4 sm:grid-cols-[minmax(0,16rem)_1fr] sm:items-start">
        <div className="flex flex-col gap-4">
          <Field
            label="Number of credits"
            name="credits"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setCheckoutErrors([]);
            }}
            errors={shownErrors}
            hint={`${formatCredits(MIN_CREDITS_PER_PURCHASE)} to ${formatCredits(MAX_CREDITS_PER_PURCHASE)} credits.`}
            aria-controls={priceId}
          />
          <Field
            label="Promotion code (optional)"
            name="promotionCode"
            autoComplete="off"
            maxLength={32}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            errors={isPending ? [] : codeErrors}
            hint="A sale running now applies by itself."
            aria-controls={priceId}
          />
        </div>
        <div className="flex flex-col gap-3 sm:pt-6">
          <div id={priceId} role="status" aria-live="polite" aria-busy={isPending} className={isPending ? "text-slate-400" : "text-slate-900"}>
            {quote && <PriceSummary quote={quote} />}
            {isPending && <p className="text-sm text-slate-600">Updating price…</p>}
          </div>
          {workspaceId && (
            <div>
              <Button type="submit" pending={submitting} disabled={isPending || !quote}>
                {submitting ? "Opening checkout…" : quote && !isPending ? `Buy ${formatCredits(quote.credits)} credits for ${formatCents(quote.totalCents, quote.currency)}` : "Buy credits"}
              </Button>
            </div>
          )}
        </div>
      </form>
      <ErrorDialog problem={problem} onClose={() => setProblem(null)} />
    </>
  );
}

function PriceSummary({ quote }: { quote: CreditQuote }) {
  const toNext = quote.nextTier ? quote.nextTier.minCredits - quote.credits : 0;
  return (
    <>
      <p className="text-2xl font-semibold">
        {formatCents(quote.totalCents, quote.currency)}
        <span className="ml-2 text-sm font-normal text-slate-600">
          for {formatCredits(quote.credits)} credits · {formatUnitPrice(quote.unitCents, quote.currency)} a credit
        </span>
      </p>
      {quote.tier && (
        <p className="mt-1 text-sm text-emerald-700">
          {quote.tier.percentOff}% bulk discount: you save {formatCents(quote.discountCents, quote.currency)} on {formatCents(quote.subtotalCents, quote.currency)}.
        </p>
      )}
      {quote.promotion && (
        <p className="mt-1 text-sm text-emerald-700">
          {quote.promotion.name}
          {quote.promotion.discountCents > 0 && `: ${formatCents(quote.promotion.discountCents, quote.currency)} off`}
          {quote.promotion.bonusCredits > 0 && `: ${formatCredits(quote.promotion.bonusCredits)} bonus credits`}
          {quote.promotion.bonusCredits > 0 && quote.promotion.bonusExpiresDays !== null && ` (they expire ${quote.promotion.bonusExpiresDays} days after payment)`}.
        </p>
      )}
      {quote.nextTier && (
        <p className="mt-1 text-sm text-slate-600">
          Add {formatCredits(toNext)} more {toNext === 1 ? "credit" : "credits"} to get {quote.nextTier.percentOff}% off the whole purchase.
        </p>
      )}
    </>
  );
}
