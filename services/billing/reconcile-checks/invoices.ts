import "server-only";
import type Stripe from "stripe";
import { stripeId } from "@/lib/stripe/ids";
import type { PaymentFinding } from "@/types/billing-admin";
import { fulfilInvoice, invoiceCredits, invoiceLedgerKey, mayGrantPlanCredits, readInvoiceFulfilment } from "../fulfil-invoice";
import { createdSince, errorMessage, inBatches, type ReconcileCheck, type ReconcileContext } from "./check";

/** Paid subscription invoices that open or renew a period or upgrade the plan, created since `since`, newest first. */
async function* paidPlanInvoices(ctx: ReconcileContext): AsyncGenerator<Stripe.Invoice> {
  const gte = createdSince(ctx.since);
  for await (const invoice of ctx.stripe.invoices.list({ created: { gte }, status: "paid", limit: 100 })) {
    if (invoice.created < gte) return;
    if (mayGrantPlanCredits(invoice)) yield invoice;
  }
}

/**
 * Each paid plan invoice should have exactly one ledger entry under its key, in the subscribing
 * workspace (named by the subscription's metadata, as the webhook reads it). Missing: repaired by
 * fulfilInvoice, the webhook's own path and key. More than one: reported. A subscription this app
 * did not start: reported as unknown.
 */
export const checkInvoices: ReconcileCheck = async (ctx, report) => {
  for await (const invoices of inBatches(paidPlanInvoices(ctx))) {
    report.checkedPayments += invoices.length;
    const entries = await ctx.db.ledgerEntry.findMany({
      where: { idempotencyKey: { in: invoices.map((invoice) => invoiceLedgerKey(invoice.id)) } },
      select: { idempotencyKey: true, workspaceId: true },
    });
    const payments = await ctx.db.payment.findMany({ where: { stripeInvoiceId: { in: invoices.map((invoice) => invoice.id) } }, select: { id: true, stripeInvoiceId: true } });
    for (const invoice of invoices) {
      const workspaceId = invoice.parent?.subscription_details?.metadata?.workspace_id ?? null;
      const credited = entries.filter((entry) => entry.idempotencyKey === invoiceLedgerKey(invoice.id));
      const finding: PaymentFinding = {
        kind: "invoice",
        stripeId: invoice.id,
        paymentId: payments.find((payment) => payment.stripeInvoiceId === invoice.id)?.id ?? null,
        workspaceId,
        amountCents: invoice.amount_paid,
        currency: invoice.currency,
        credits: null,
        ledgerEntries: credited.length,
        error: null,
      };
      if (!workspaceId || !stripeId(invoice.parent?.subscription_details?.subscription)) {
        report.unknown.push(finding);
        continue;
      }
      if (credited.length > 1) report.duplicated.push(finding);
      if (credited.some((entry) => entry.workspaceId === workspaceId)) continue;
      // An upgrade whose prorations net to no credits owes none; a price no plan has is a repair failure below.
      if ((await invoiceCredits(ctx.db, invoice).catch(() => undefined)) === null) continue;
      report.missingBefore.push(finding);
      if (!ctx.repair) continue;
      try {
        const reads = await readInvoiceFulfilment(ctx.stripe, invoice);
        const granted = await ctx.db.$transaction((tx) => fulfilInvoice(tx, invoice, reads, ctx.clock));
        if (granted) report.repaired.push({ ...finding, credits: granted.amount, ledgerEntries: credited.length + 1 });
      } catch (error) {
        finding.error = errorMessage(error);
      }
    }
  }
};
