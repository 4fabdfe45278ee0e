"use client";

import { useEffect, useState } from "react";
import { apiUrl, readProblem } from "@/components/ui/problem";
import { creditQuote, purchaseCreditsText, type CreditQuote } from "@/types/pricing";

/** What the price field shows for the text (and promotion code) it last settled on. */
type Settled = { text: string; code: string; quote: CreditQuote | null; errors: string[]; codeErrors: string[] };

export type CreditQuoteState = Settled & {
  /** The text changed and its price is not known yet (debouncing or fetching). */
  isPending: boolean;
};

/**
 * The live price of what is typed in a credits field. The text is checked with the shared schema
 * first (an out-of-range number never costs a request); a valid amount is priced by the quote
 * endpoint — the server's pricing service, so the form never computes a price of its own —
 * after `delayMs` of no typing. A newer keystroke aborts the older request, so answers cannot
 * arrive out of order.
 */
export function useCreditQuote(text: string, initial: { text: string; quote: CreditQuote }, code = "", delayMs = 300): CreditQuoteState {
  const [settled, setSettled] = useState<Settled>({ text: initial.text, code: "", quote: initial.quote, errors: [], codeErrors: [] });

  useEffect(() => {
    if (text === settled.text && code === settled.code) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const parsed = purchaseCreditsText.safeParse(text);
      if (!parsed.success) {
        setSettled({ text, code, quote: null, errors: parsed.error.issues.map((issue) => issue.message), codeErrors: [] });
        return;
      }
      const outcome = await fetchQuote(parsed.data, code.trim(), controller.signal);
      if (!controller.signal.aborted) setSettled({ text, code, ...outcome });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, code, settled.text, settled.code, delayMs]);

  return { ...settled, isPending: text !== settled.text || code !== settled.code };
}

async function fetchQuote(credits: number, code: string, signal: AbortSignal): Promise<Omit<Settled, "text" | "code">> {
  try {
    const query = new URLSearchParams({ credits: String(credits), ...(code ? { promotionCode: code } : {}) });
    const response = await fetch(apiUrl(`/pricing/quote?${query}`), { headers: { accept: "application/json" }, signal });
    if (!response.ok) {
      const problem = await readProblem(response);
      if (problem.errors?.promotionCode) return { quote: null, errors: [], codeErrors: problem.errors.promotionCode };
      return { quote: null, errors: problem.errors?.credits ?? [problem.detail || problem.title], codeErrors: [] };
    }
    return { quote: creditQuote.parse(await response.json()), errors: [], codeErrors: [] };
  } catch {
    return { quote: null, errors: signal.aborted ? [] : ["Could not get a price. Check your connection and try again."], codeErrors: [] };
  }
}
