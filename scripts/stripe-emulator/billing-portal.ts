import type { EmulatorContext } from "./context";
import { getCustomer } from "./customers";
import { escapeHtml, formatAmount, page } from "./html";
import { newId } from "./ids";
import type { PortalSessionObject } from "./objects";
import { nullableString, requiredString } from "./params";
import type { ApiRoute } from "./router";
import type { PageResult, PageRoute } from "./server";

const date = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

export const billingPortalRoutes: ApiRoute[] = [
  {
    method: "POST",
    path: "/v1/billing_portal/sessions",
    handler: (ctx, { params }) => {
      const customer = getCustomer(ctx, requiredString(params, "customer"), "customer");
      const id = newId("bps");
      const session: PortalSessionObject = {
        id,
        object: "billing_portal.session",
        configuration: "bpc_emulator_default",
        created: ctx.clock.now(),
        customer: customer.id,
        customer_account: null,
        flow: null,
        livemode: false,
        locale: null,
        on_behalf_of: null,
        return_url: nullableString(params, "return_url") ?? null,
        url: `${ctx.baseUrl()}/p/session/${id}`,
      };
      ctx.state.portalSessions.set(id, session);
      return session;
    },
  },
];

function notFound(what: string): PageResult {
  return { status: 404, html: page("Not found", `<h1>Not found</h1><p>${escapeHtml(what)}</p>`) };
}

function portalPage(ctx: EmulatorContext, session: PortalSessionObject): PageResult {
  const customer = ctx.state.customers.get(session.customer);
  const invoices = [...ctx.state.invoices.values()].filter((i) => i.customer === session.customer).reverse();
  const subscriptions = [...ctx.state.subscriptions.values()].filter((s) => s.customer === session.customer);
  const invoiceRows = invoices
    .map((i) => `<tr><td>${date(i.created)}</td><td><a href="/i/${escapeHtml(i.id)}">${escapeHtml(i.number ?? i.id)}</a></td><td class="num">${formatAmount(i.total, i.currency)}</td><td>${escapeHtml(i.status ?? "")}</td></tr>`)
    .join("");
  const subscriptionItems = subscriptions
    .map((s) => {
      const item = s.items.data[0];
      const name = item ? (ctx.state.products.get(String(item.price.product))?.name ?? item.price.id) : s.id;
      const renews = item ? (s.cancel_at_period_end ? `ends ${date(item.current_period_end)}` : `renews ${date(item.current_period_end)}`) : "";
      return `<li>${escapeHtml(name)} — ${escapeHtml(s.status)}${renews ? `, ${renews}` : ""}</li>`;
    })
    .join("");
  const card = ctx.state.savedCards.get(session.customer);
  const back = session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return to the site</a></p>` : "";
  const body = `<h1>Billing</h1><p>${escapeHtml(customer?.email ?? customer?.name ?? session.customer)}</p>
<h2>Payment method</h2><p>${card ? `${escapeHtml(card.card.brand)} ending in ${escapeHtml(card.card.last4)}` : "No card on file."}</p>
<h2>Subscriptions</h2>${subscriptionItems ? `<ul>${subscriptionItems}</ul>` : "<p>None.</p>"}
<h2>Invoices</h2>${invoiceRows ? `<table><thead><tr><th scope="col">Date</th><th scope="col">Number</th><th scope="col" class="num">Total</th><th scope="col">Status</th></tr></thead><tbody>${invoiceRows}</tbody></table>` : "<p>No invoices yet.</p>"}
${back}`;
  return { html: page("Billing — Stripe emulator", body) };
}

/** The hosted billing portal (`/p/session/:id`) and hosted invoice pages (`/i/:id`). */
export const portalPageRoutes: PageRoute[] = [
  {
    method: "GET",
    path: "/p/session/:id",
    handler: (ctx, { path }) => {
      const session = ctx.state.portalSessions.get(path.id as string);
      return session ? portalPage(ctx, session) : notFound("No such billing portal session.");
    },
  },
  {
    method: "GET",
    path: "/i/:id",
    handler: (ctx, { path }) => {
      const invoice = ctx.state.invoices.get(path.id as string);
      if (!invoice) return notFound("No such invoice.");
      const lines = invoice.lines.data.map((l) => `<tr><td>${escapeHtml(l.description ?? "")}</td><td class="num">${formatAmount(l.amount, l.currency)}</td></tr>`).join("");
      const body = `<h1>Invoice ${escapeHtml(invoice.number ?? invoice.id)}</h1><p>Status: ${escapeHtml(invoice.status ?? "")}</p>
<table><thead><tr><th scope="col">Description</th><th scope="col" class="num">Amount</th></tr></thead><tbody>${lines}</tbody>
<tfoot><tr><th scope="row">Total</th><td class="num">${formatAmount(invoice.total, invoice.currency)}</td></tr></tfoot></table>`;
      return { html: page(`Invoice ${invoice.number ?? invoice.id}`, body) };
    },
  },
];
