import { formatCredits, formatUnitPrice } from "@/lib/format";
import type { CreditQuote } from "@/types/pricing";

type Props = {
  baseUnitCents: number;
  currency: string;
  /** The quote at each tier's threshold, priced on the server by the pricing service. */
  tierQuotes: CreditQuote[];
};

/** The rate card: the base rate, and what each bulk tier takes off the whole purchase. */
export function BulkPricingList({ baseUnitCents, currency, tierQuotes }: Props) {
  const first = tierQuotes[0]?.credits;
  return (
    <ul aria-label="Price per credit" className="grid gap-2 text-sm text-slate-700 sm:grid-cols-2 lg:grid-cols-4">
      <li className="rounded-md bg-slate-50 px-3 py-2">
        <span className="font-medium text-slate-900">{first ? `Under ${formatCredits(first)}` : "Any amount"}</span>
        <br />
        {formatUnitPrice(baseUnitCents, currency)} a credit
      </li>
      {tierQuotes.map((quote) => (
        <li key={quote.credits} className="rounded-md bg-slate-50 px-3 py-2">
          <span className="font-medium text-slate-900">{formatCredits(quote.credits)}+ credits</span>
          <br />
          {formatUnitPrice(quote.unitCents, currency)} a credit · {quote.tier?.percentOff}% off
        </li>
      ))}
    </ul>
  );
}
