/** What a test card does when charged (Stripe's documented test numbers). */
export type CardBehaviorSpec =
  | { kind: "succeed"; brand: string }
  | { kind: "decline"; brand: string; code: string; declineCode: string; message: string }
  | { kind: "authenticate"; brand: string }
  | { kind: "dispute"; brand: string; reason: string };

export const GENERIC_DECLINE = { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." };
export const AUTHENTICATION_FAILED = {
  code: "payment_intent_authentication_failure",
  declineCode: "authentication_failed",
  message: "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
};

const CARDS: Record<string, CardBehaviorSpec> = {
  "4242424242424242": { kind: "succeed", brand: "visa" },
  "5555555555554444": { kind: "succeed", brand: "mastercard" },
  "4000000000000002": { kind: "decline", brand: "visa", ...GENERIC_DECLINE },
  "4000000000009995": { kind: "decline", brand: "visa", code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000002500003155": { kind: "authenticate", brand: "visa" },
  "4000000000000259": { kind: "dispute", brand: "visa", reason: "fraudulent" },
};

/** The behaviour of a card number (spaces ignored), or null for a number that is not a test card. */
export function findTestCard(number: string): CardBehaviorSpec | null {
  return CARDS[number.replace(/[\s-]/g, "")] ?? null;
}

/** The card as the payment sees it: brand, last four digits and expiry. */
export type CardDetails = { brand: string; last4: string; expMonth: number; expYear: number };
