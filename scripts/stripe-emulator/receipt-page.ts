import { escapeHtml, formatAmount, page } from "./html";
import type { PageRoute } from "./server";

const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** The hosted receipt a charge's `receipt_url` points at (`/receipts/:id`): amount, date, card, refunds. */
export const receiptPageRoutes: PageRoute[] = [
  {
    method: "GET",
    path: "/receipts/:id",
    handler: (ctx, { path }) => {
      const charge = ctx.state.charges.get(path.id as string);
      if (!charge || !charge.receipt_url) return { status: 404, html: page("Not found", "<h1>Not found</h1><p>No such receipt.</p>") };
      const card = charge.payment_method_details?.card;
      const method = card ? `${escapeHtml(card.brand ?? "card")} ending in ${escapeHtml(card.last4 ?? "")}` : charge.payment_method_details?.us_bank_account ? `Bank account ending in ${escapeHtml(charge.payment_method_details.us_bank_account.last4 ?? "")}` : "—";
      const refunded = charge.amount_refunded > 0 ? `<tr><th scope="row">Refunded</th><td class="num">${formatAmount(charge.amount_refunded, charge.currency)}</td></tr>` : "";
      const body = `<h1>Receipt</h1><p class="note">${escapeHtml(charge.description ?? "Payment")} · ${escapeHtml(charge.status)}</p>
<table><tbody>
<tr><th scope="row">Amount paid</th><td class="num">${formatAmount(charge.amount, charge.currency)}</td></tr>${refunded}
<tr><th scope="row">Date paid</th><td class="num">${date(charge.created)}</td></tr>
<tr><th scope="row">Payment method</th><td class="num">${method}</td></tr>
<tr><th scope="row">Receipt number</th><td class="num">${escapeHtml(charge.id)}</td></tr>
</tbody></table>`;
      return { html: page("Receipt — Stripe emulator", body) };
    },
  },
];
