import { json } from "@/lib/http/responses";
import { withCustomer } from "@/lib/http/route";
import { quotePurchase } from "@/services/pricing/quote-purchase";
import { creditQuote, quoteQuery } from "@/types/pricing";

// GET /api/pricing/quote?credits=N[&promotionCode=C] — the price of a custom number of credits (any
// signed-in user), with the promotion that applies.
// Signed-in rather than public: its only caller is the Buy credits form, and a public endpoint's
// per-address limit falls on one shared bucket when no proxy is trusted (lib/http/client-ip.ts),
// where other visitors' typing would throttle a customer's.
export const GET = withCustomer({ query: quoteQuery }, async ({ db, query }) => {
  return json(creditQuote, await quotePurchase(db, query.credits, { promotionCode: query.promotionCode }));
});
