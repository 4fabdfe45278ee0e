import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import type { Customer } from "@/services/admin/get-customer";

const cell = "px-5 py-3 whitespace-nowrap";
const title = (text: string) => text.charAt(0) + text.slice(1).toLowerCase().replaceAll("_", " ");

/** Live credit lots, soonest expiry first: what usage draws from next. */
export function GrantTable({ grants }: { grants: Customer["grants"] }) {
  return (
    <Table caption="Credit lots with credits left" columns={[{ label: "Source" }, { label: "Granted", align: "right" }, { label: "Remaining", align: "right" }, { label: "Expires" }, { label: "Added" }]}>
      {grants.map((grant) => (
        <tr key={grant.id}>
          <td className={`${cell} font-medium text-slate-900`}>{title(grant.source)}</td>
          <td className={`${cell} text-right tabular-nums`}>{formatCredits(grant.credits)}</td>
          <td className={`${cell} text-right font-medium tabular-nums`}>{formatCredits(grant.remaining)}</td>
          <td className={cell}>{grant.expiresAt ? <>{formatDateTime(grant.expiresAt)} {grant.isLapsed && <Badge tone="warning">Lapsed</Badge>}</> : "Never"}</td>
          <td className={`${cell} text-slate-600`}>{formatDateTime(grant.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function SubscriptionTable({ subscriptions }: { subscriptions: Customer["subscriptions"] }) {
  return (
    <Table caption="Subscriptions, newest first" columns={[{ label: "Plan" }, { label: "Status" }, { label: "Period ends" }, { label: "Started" }]}>
      {subscriptions.map((subscription) => (
        <tr key={subscription.id}>
          <td className={`${cell} font-medium text-slate-900`}>
            {subscription.package.name} <span className="font-normal text-slate-600">{formatCents(subscription.package.priceCents, subscription.package.currency)}/month</span>
          </td>
          <td className={cell}>
            <Badge tone={subscription.status === "ACTIVE" || subscription.status === "TRIALING" ? "success" : subscription.status === "CANCELED" ? "neutral" : "warning"}>{title(subscription.status)}</Badge>{" "}
            {subscription.cancelAtPeriodEnd && <Badge tone="warning">Cancels at period end</Badge>} {subscription.isCollectionPaused && <Badge tone="warning">Collection paused</Badge>}
          </td>
          <td className={cell}>{subscription.currentPeriodEnd ? formatDateTime(subscription.currentPeriodEnd) : "—"}</td>
          <td className={`${cell} text-slate-600`}>{formatDateTime(subscription.createdAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function PaymentTable({ payments }: { payments: Customer["payments"] }) {
  return (
    <Table caption="Payments, newest first" columns={[{ label: "When" }, { label: "Kind" }, { label: "Status" }, { label: "Amount", align: "right" }, { label: "Refunded", align: "right" }, { label: "Credits", align: "right" }]}>
      {payments.map((payment) => (
        <tr key={payment.id}>
          <td className={`${cell} text-slate-600`}>{formatDateTime(payment.paidAt ?? payment.createdAt)}</td>
          <td className={cell}>{payment.interval === "MONTH" ? "Plan" : "Credits"}</td>
          <td className={cell} title={payment.failureMessage ?? undefined}>
            <Badge tone={payment.status === "SUCCEEDED" ? "success" : payment.status === "FAILED" ? "danger" : payment.status === "PENDING" ? "neutral" : "warning"}>{title(payment.status)}</Badge>
          </td>
          <td className={`${cell} text-right tabular-nums`}>{formatCents(payment.amountCents, payment.currency)}</td>
          <td className={`${cell} text-right tabular-nums`}>{payment.amountRefundedCents ? formatCents(payment.amountRefundedCents, payment.currency) : "—"}</td>
          <td className={`${cell} text-right tabular-nums`}>{formatCredits(payment.credits + payment.bonusCredits)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function DisputeTable({ disputes }: { disputes: Customer["disputes"] }) {
  return (
    <Table caption="Disputes, newest first" columns={[{ label: "Opened" }, { label: "Kind" }, { label: "Status" }, { label: "Reason" }, { label: "Credits asked", align: "right" }, { label: "Refunded", align: "right" }]}>
      {disputes.map((dispute) => (
        <tr key={dispute.id}>
          <td className={`${cell} text-slate-600`}>{formatDateTime(dispute.createdAt)}</td>
          <td className={cell}>{dispute.kind === "CHARGEBACK" ? "Chargeback" : "Credit"}</td>
          <td className={cell}>
            <Badge tone={dispute.status === "OPEN" || dispute.status === "APPEALED" ? "warning" : "neutral"}>{title(dispute.status)}</Badge>
          </td>
          <td className="max-w-[16rem] truncate px-5 py-3 text-slate-700">{dispute.reason}</td>
          <td className={`${cell} text-right tabular-nums`}>{formatCredits(dispute.creditsRequested)}</td>
          <td className={`${cell} text-right tabular-nums`}>{formatCredits(dispute.creditsRefunded)}</td>
        </tr>
      ))}
    </Table>
  );
}
