import type { LedgerEntryView } from "@/types/usage";

/** What the customer pages call each kind of ledger entry. */
export const LEDGER_TYPE_LABELS: Record<LedgerEntryView["type"], string> = {
  PURCHASE: "Purchase",
  SUBSCRIPTION_GRANT: "Plan credits",
  PROMO_BONUS: "Promotion bonus",
  ADMIN_ADJUSTMENT: "Adjustment",
  USAGE: "Usage",
  DISPUTE_REFUND: "Dispute refund",
  PAYMENT_REFUND_CLAWBACK: "Refund clawback",
  EXPIRY: "Expired",
  REVERSAL: "Reversal",
};
