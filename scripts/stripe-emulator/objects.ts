import type Stripe from "stripe";

// The objects the emulator serves, typed by the pinned SDK. stripe 23 parses decimal strings into
// Stripe.Decimal on the client side; on the wire they are strings, so those fields are overridden.

export type ListObject<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

export type CustomerObject = Stripe.Customer;
export type ProductObject = Stripe.Product;
export type PriceObject = Omit<Stripe.Price, "unit_amount_decimal" | "currency_options" | "tiers"> & { unit_amount_decimal: string | null };
export type PlanObject = Omit<Stripe.Plan, "amount_decimal" | "tiers"> & { amount_decimal: string | null };
export type CheckoutLineItemObject = Omit<Stripe.LineItem, "price"> & { price: PriceObject | null };
export type CheckoutSessionObject = Omit<Stripe.Checkout.Session, "line_items" | "currency_conversion" | "presentment_details">;
export type PaymentIntentObject = Omit<Stripe.PaymentIntent, "presentment_details" | "amount_details" | "payment_details" | "hooks">;
export type ChargeObject = Omit<Stripe.Charge, "presentment_details" | "refunds"> & { refunds: ListObject<RefundObject> };
export type RefundObject = Omit<Stripe.Refund, "presentment_details" | "destination_details" | "next_action">;
export type DisputeObject = Omit<Stripe.Dispute, "payment_method_details">;
export type SubscriptionItemObject = Omit<Stripe.SubscriptionItem, "price" | "plan"> & { price: PriceObject; plan: PlanObject };
export type SubscriptionObject = Omit<Stripe.Subscription, "items" | "presentment_details"> & { items: ListObject<SubscriptionItemObject> };
export type InvoiceLineObject = Omit<Stripe.InvoiceLineItem, "quantity_decimal" | "pricing"> & {
  quantity_decimal: string | null;
  pricing: Omit<Stripe.InvoiceLineItem.Pricing, "unit_amount_decimal"> & { unit_amount_decimal: string | null };
};
export type InvoiceObject = Omit<Stripe.Invoice, "lines" | "payments" | "total_pretax_credit_amounts"> & { lines: ListObject<InvoiceLineObject> };
export type InvoicePaymentObject = Stripe.InvoicePayment;
export type PortalSessionObject = Stripe.BillingPortal.Session;
export type CouponObject = Stripe.Coupon;
export type DiscountObject = Stripe.Discount;

export type ServedObject =
  | CustomerObject
  | ProductObject
  | PriceObject
  | CheckoutSessionObject
  | PaymentIntentObject
  | ChargeObject
  | RefundObject
  | DisputeObject
  | SubscriptionObject
  | InvoiceObject
  | InvoicePaymentObject
  | PortalSessionObject
  | CouponObject
  | DiscountObject;

export type EventObject = Omit<Stripe.EventBase, "data"> & {
  data: { object: ServedObject; previous_attributes?: Record<string, unknown> };
};

/** A JSON value: what objects become when cloned for events and expansion. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
