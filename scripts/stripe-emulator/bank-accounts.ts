import { createHash } from "node:crypto";
import type { PaymentFailure } from "./payments";

/** Stripe's test bank for ACH Direct Debit: every test account sits behind this routing number. */
export const TEST_ROUTING_NUMBER = "110000000";
export const TEST_BANK_NAME = "STRIPE TEST BANK";

/** What a test account does once the bank answers the debit (Stripe's documented test numbers). */
export type BankAccountBehavior = { kind: "succeed" } | { kind: "fail"; failure: PaymentFailure };

export const ACCOUNT_CLOSED: PaymentFailure = { code: "account_closed", message: "The customer's bank account has been closed." };

const ACCOUNTS: Record<string, BankAccountBehavior> = {
  "000123456789": { kind: "succeed" },
  "000111111113": { kind: "fail", failure: ACCOUNT_CLOSED },
};

/** The behaviour of a test account (spaces and dashes ignored), or null for an account that is not one. */
export function findTestBankAccount(routingNumber: string, accountNumber: string): BankAccountBehavior | null {
  if (routingNumber.replace(/[\s-]/g, "") !== TEST_ROUTING_NUMBER) return null;
  return ACCOUNTS[accountNumber.replace(/[\s-]/g, "")] ?? null;
}

/** The account as the payment sees it: never its full number. */
export type BankAccountDetails = { holderName: string; routingNumber: string; last4: string; fingerprint: string };

export function bankAccountDetails(holderName: string, routingNumber: string, accountNumber: string): BankAccountDetails {
  // The same account always gets the same fingerprint, as on Stripe, so a repeat payer is recognisable.
  const fingerprint = createHash("sha256").update(`${routingNumber}:${accountNumber}`).digest("base64url").slice(0, 16);
  return { holderName, routingNumber, last4: accountNumber.slice(-4), fingerprint };
}
