import Link from "next/link";
import type { ReactNode } from "react";
import { LEDGER_TYPE_LABELS } from "@/components/credits/ledger-type-labels";
import { Badge } from "@/components/ui/badge";
import { buttonClassName } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import { DISPUTE_WINDOW_DAYS, type LedgerEntryDetail } from "@/services/credits/get-ledger-entry-detail";

function signed(credits: number): string {
  return `${credits > 0 ? "+" : "−"}${formatCredits(Math.abs(credits))}`;
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 py-2.5">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-6">
      <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{title}</h3>
      <dl className="mt-1 divide-y divide-slate-100">{children}</dl>
    </section>
  );
}

const Code = ({ children }: { children: ReactNode }) => <code className="font-mono text-[13px] break-all">{children}</code>;

export type EntryDetailProps = { entry: LedgerEntryDetail; hrefFor: (entryId: string) => string };

/** What one ledger entry did and why: the drawer's content on the transactions page. */
export function EntryDetail({ entry, hrefFor }: EntryDetailProps) {
  const isCharge = entry.type === "USAGE" || (entry.type === "ADMIN_ADJUSTMENT" && entry.amount < 0);
  return (
    <div>
      <p className={`text-3xl font-semibold tabular-nums ${entry.amount < 0 ? "text-slate-900" : "text-emerald-700"}`}>
        {signed(entry.amount)} <span className="text-base font-medium text-slate-600">credits</span>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        Balance after: <span className="font-medium text-slate-900 tabular-nums">{formatCredits(entry.balanceAfter)} credits</span>
      </p>

      {entry.isDisputable && (
        <div className="mt-5 rounded-lg border border-slate-200 bg-slate-50 p-4">
          <p className="text-sm text-slate-700">Does this charge look wrong? You can dispute it within {DISPUTE_WINDOW_DAYS} days.</p>
          <Link href={`/disputes?entry=${entry.id}`} className={buttonClassName({ variant: "secondary", size: "sm", className: "mt-3" })}>
            <Icon name="disputes" className="size-4" />
            Dispute this charge
          </Link>
        </div>
      )}
      {isCharge && !entry.isDisputable && <p className="mt-5 text-sm text-slate-600">The {DISPUTE_WINDOW_DAYS}-day window to dispute this charge has closed.</p>}

      <Section title="What caused it">
        <Row term="Type">{LEDGER_TYPE_LABELS[entry.type]}</Row>
        <Row term="When">{formatDateTime(entry.createdAt)}</Row>
        <Row term="By">{entry.actor.label}</Row>
        {entry.service && <Row term="Service">{entry.service}</Row>}
        {entry.quantity !== null && <Row term="Quantity">{formatCredits(entry.quantity)} {entry.quantity === 1 ? "unit" : "units"}</Row>}
        {entry.description && <Row term="Note">{entry.description}</Row>}
        {entry.referenceId && (
          <Row term="Reference">
            <Code>{entry.referenceId}</Code>
            {entry.referenceType && <span className="block text-xs text-slate-600">{entry.referenceType.replaceAll("_", " ")}</span>}
          </Row>
        )}
        <Row term="Idempotency key">
          <Code>{entry.idempotencyKey}</Code>
        </Row>
        <Row term="Entry id">
          <Code>{entry.id}</Code>
        </Row>
      </Section>

      {entry.payment && (
        <Section title="Payment">
          {entry.payment.packageName && <Row term="Bought">{entry.payment.packageName}</Row>}
          <Row term="Amount paid">{formatCents(entry.payment.amountCents, entry.payment.currency)}</Row>
          {entry.payment.amountRefundedCents > 0 && <Row term="Refunded">{formatCents(entry.payment.amountRefundedCents, entry.payment.currency)}</Row>}
          <Row term="Status">
            <Badge tone={entry.payment.status === "SUCCEEDED" ? "success" : "neutral"}>{entry.payment.status.toLowerCase().replaceAll("_", " ")}</Badge>
          </Row>
          {entry.payment.paidAt && <Row term="Paid">{formatDateTime(entry.payment.paidAt)}</Row>}
          {entry.payment.stripeInvoiceId && (
            <Row term="Invoice">
              <Code>{entry.payment.stripeInvoiceId}</Code>
            </Row>
          )}
          <Row term="Receipt">
            {entry.payment.receiptUrl ? (
              <a href={entry.payment.receiptUrl} target="_blank" rel="noreferrer" className="text-accent-700 underline underline-offset-4">
                Stripe receipt<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              // Not every payment has one yet (a bank debit still clearing); Billing lists every receipt.
              <Link href="/billing" className="text-accent-700 underline underline-offset-4">
                Receipts and invoices in Billing
              </Link>
            )}
          </Row>
        </Section>
      )}

      {entry.grant && (
        <Section title="Credits added">
          <Row term="Granted">{formatCredits(entry.grant.credits)} credits</Row>
          <Row term="Left to spend">{formatCredits(entry.grant.remaining)} credits</Row>
          <Row term="Expires">{entry.grant.expiresAt ? formatDateTime(entry.grant.expiresAt) : "Never"}</Row>
        </Section>
      )}

      {(entry.reverses || entry.reversedBy.length > 0 || entry.disputes.length > 0) && (
        <Section title="Related">
          {entry.reverses && (
            <Row term="Reverses">
              <Link href={hrefFor(entry.reverses.id)} scroll={false} className="text-accent-700 underline underline-offset-4">
                {LEDGER_TYPE_LABELS[entry.reverses.type]} of {signed(entry.reverses.amount)} on {formatDateTime(entry.reverses.createdAt)}
              </Link>
            </Row>
          )}
          {entry.reversedBy.map((reversal) => (
            <Row key={reversal.id} term="Reversed by">
              <Link href={hrefFor(reversal.id)} scroll={false} className="text-accent-700 underline underline-offset-4">
                {LEDGER_TYPE_LABELS[reversal.type]} of {signed(reversal.amount)} on {formatDateTime(reversal.createdAt)}
              </Link>
            </Row>
          ))}
          {entry.disputes.map((dispute) => (
            <Row key={dispute.id} term="Dispute">
              {dispute.status.toLowerCase().replaceAll("_", " ")}, opened {formatDateTime(dispute.createdAt)}
            </Row>
          ))}
        </Section>
      )}
    </div>
  );
}
