import type { InvoiceLineSpec } from "./invoices";
import type { CardDetails } from "./cards";
import type { PaymentFailure } from "./payments";
import type {
  ChargeObject,
  CheckoutLineItemObject,
  CheckoutSessionObject,
  CouponObject,
  CustomerObject,
  DiscountObject,
  DisputeObject,
  EventObject,
  InvoiceObject,
  InvoicePaymentObject,
  PaymentIntentObject,
  PortalSessionObject,
  PriceObject,
  ProductObject,
  RefundObject,
  SubscriptionObject,
} from "./objects";

/** What a customer's saved card does on the next off-session charge (renewals). */
export type CardBehavior = "succeed" | "decline";

/** Create parameters a checkout session keeps for completion (Stripe keeps them too, unexposed). */
export type CheckoutExtras = { subscriptionMetadata: Record<string, string>; paymentIntentMetadata: Record<string, string> };

/** An ACH debit the bank has not answered yet: the session it pays, when the answer comes, and the return if it fails. */
export type PendingBankDebit = { checkoutSession: string; settlesAt: number; failure?: PaymentFailure };

/** A response stored under an Idempotency-Key, with a digest of the request that made it. */
export type StoredResponse = { requestDigest: string; status: number; body: string };

/** All emulator state, in memory. Maps keep insertion order, which lists rely on (newest first). */
export type EmulatorState = {
  customers: Map<string, CustomerObject>;
  products: Map<string, ProductObject>;
  prices: Map<string, PriceObject>;
  checkoutSessions: Map<string, CheckoutSessionObject>;
  /** Line items per checkout session (an includable field on Stripe, stored apart). */
  checkoutLineItems: Map<string, CheckoutLineItemObject[]>;
  checkoutExtras: Map<string, CheckoutExtras>;
  /** Card details waiting on the hosted page's authentication step, per checkout session. */
  pendingAuthentications: Map<string, CardDetails>;
  paymentIntents: Map<string, PaymentIntentObject>;
  /** Bank debits still `processing`, per PaymentIntent. */
  pendingBankDebits: Map<string, PendingBankDebit>;
  charges: Map<string, ChargeObject>;
  refunds: Map<string, RefundObject>;
  disputes: Map<string, DisputeObject>;
  subscriptions: Map<string, SubscriptionObject>;
  invoices: Map<string, InvoiceObject>;
  invoicePayments: Map<string, InvoicePaymentObject>;
  portalSessions: Map<string, PortalSessionObject>;
  coupons: Map<string, CouponObject>;
  /** Deleted coupons: discounts made from them keep applying, as at Stripe. */
  deletedCoupons: Map<string, CouponObject>;
  /** Discounts applied to subscriptions, by id (`di_…`). */
  discounts: Map<string, DiscountObject>;
  /** How many invoices each discount has applied to (a `once` coupon applies to one). */
  discountUses: Map<string, number>;
  events: Map<string, EventObject>;
  /** Saved card per customer: the last test card that paid, and whether renewals succeed. */
  savedCards: Map<string, { card: CardDetails; behavior: CardBehavior }>;
  /** Pending proration amounts per subscription, billed on the next invoice. */
  pendingProrations: Map<string, InvoiceLineSpec[]>;
  idempotency: Map<string, StoredResponse>;
  invoiceNumber: number;
  /** While true every API request fails as in a Stripe outage (`POST /_emulator/api/outage`). */
  apiOutage: boolean;
};

export function createState(): EmulatorState {
  return {
    customers: new Map(),
    products: new Map(),
    prices: new Map(),
    checkoutSessions: new Map(),
    checkoutLineItems: new Map(),
    checkoutExtras: new Map(),
    pendingAuthentications: new Map(),
    paymentIntents: new Map(),
    pendingBankDebits: new Map(),
    charges: new Map(),
    refunds: new Map(),
    disputes: new Map(),
    subscriptions: new Map(),
    invoices: new Map(),
    invoicePayments: new Map(),
    portalSessions: new Map(),
    coupons: new Map(),
    deletedCoupons: new Map(),
    discounts: new Map(),
    discountUses: new Map(),
    events: new Map(),
    savedCards: new Map(),
    pendingProrations: new Map(),
    idempotency: new Map(),
    invoiceNumber: 0,
    apiOutage: false,
  };
}

/** Empties every map in place (the `POST /_emulator/reset` control). */
export function resetState(state: EmulatorState) {
  const fresh = createState();
  Object.assign(state, fresh);
}
