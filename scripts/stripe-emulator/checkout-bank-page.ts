import { bankAccountDetails, findTestBankAccount, TEST_ROUTING_NUMBER, type BankAccountBehavior, type BankAccountDetails } from "./bank-accounts";
import { offersBankDebit, payCheckoutSessionByBank } from "./checkout-bank-debit";
import { done, emailField, openSession, paymentMethodTabs, readEmail, summary } from "./checkout-page-parts";
import type { EmulatorContext } from "./context";
import { escapeHtml, formatAmount, page } from "./html";
import type { CheckoutSessionObject } from "./objects";
import type { PageResult, PageRoute } from "./server";

type BankField = "email" | "account_holder_name" | "routing_number" | "account_number" | "account_number_confirmation";
type FormError = { field: BankField; message: string };

function field(name: BankField, label: string, value: string, error: FormError | undefined, extra: string): string {
  const invalid = error?.field === name ? ' aria-invalid="true" aria-describedby="payment-error"' : "";
  return `<label for="${name}">${label}</label><input id="${name}" name="${name}" required${extra}${invalid} value="${escapeHtml(value)}">`;
}

/** The bank form: manual entry of a US account, as Checkout offers when instant verification is skipped. */
function bankFormPage(ctx: EmulatorContext, session: CheckoutSessionObject, error?: FormError, values: Record<string, string> = {}): PageResult {
  const amount = formatAmount(session.amount_total ?? 0, session.currency ?? "usd");
  const errorBlock = error ? `<p id="payment-error" class="error" role="alert">${escapeHtml(error.message)}</p>` : "";
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and return</a></p>` : "";
  const numeric = ' inputmode="numeric" autocomplete="off"';
  const body = `<h1>Pay</h1>${summary(ctx, session)}${paymentMethodTabs(session, "us_bank_account")}
<form method="post" action="/c/pay/${escapeHtml(session.id)}/us_bank_account" novalidate>
${errorBlock}${emailField(ctx, session, values.email)}
${field("account_holder_name", "Account holder name", values.account_holder_name ?? "", error, ' autocomplete="name"')}
${field("routing_number", "Routing number", values.routing_number ?? "", error, `${numeric} placeholder="${TEST_ROUTING_NUMBER}"`)}
${field("account_number", "Account number", values.account_number ?? "", error, `${numeric} placeholder="000123456789"`)}
${field("account_number_confirmation", "Confirm account number", values.account_number_confirmation ?? "", error, numeric)}
<p class="note">By paying, you authorise a one-time ACH debit of ${amount} from this account. Bank payments take up to four business days to clear.</p>
<button type="submit">Pay ${amount}</button>
</form>${cancel}
<p class="note">Test bank account: routing number ${TEST_ROUTING_NUMBER} with account number 000123456789 succeeds four days later · 000111111113 fails four days later (account closed).</p>`;
  return { status: error ? 400 : 200, html: page("Checkout — Stripe emulator", body) };
}

/** Reads and checks the posted account; returns it with what it will do, or the error to show. */
function readBankAccount(form: URLSearchParams): { account: BankAccountDetails; behavior: BankAccountBehavior } | FormError {
  const holderName = (form.get("account_holder_name") ?? "").trim();
  const routingNumber = (form.get("routing_number") ?? "").replace(/[\s-]/g, "");
  const accountNumber = (form.get("account_number") ?? "").replace(/[\s-]/g, "");
  const confirmation = (form.get("account_number_confirmation") ?? "").replace(/[\s-]/g, "");
  if (!holderName) return { field: "account_holder_name", message: "Enter the account holder's name." };
  if (!/^\d{9}$/.test(routingNumber)) return { field: "routing_number", message: "Your routing number must have 9 digits." };
  if (!/^\d{4,17}$/.test(accountNumber)) return { field: "account_number", message: "Your account number must have 4 to 17 digits." };
  if (confirmation !== accountNumber) return { field: "account_number_confirmation", message: "The account numbers do not match." };
  const behavior = findTestBankAccount(routingNumber, accountNumber);
  if (!behavior) {
    const wrong: BankField = routingNumber === TEST_ROUTING_NUMBER ? "account_number" : "routing_number";
    return { field: wrong, message: `This is not a test bank account. Use routing number ${TEST_ROUTING_NUMBER} with account number 000123456789 (succeeds) or 000111111113 (fails).` };
  }
  return { account: bankAccountDetails(holderName, routingNumber, accountNumber), behavior };
}

function bankSession(ctx: EmulatorContext, id: string): CheckoutSessionObject | PageResult {
  const session = openSession(ctx, id);
  if (!("object" in session)) return session;
  // Only sessions that accept the bank show the tab; a typed URL falls back to the card form.
  return offersBankDebit(session) ? session : { redirect: `/c/pay/${session.id}` };
}

/** The hosted checkout's US bank account form: `/c/pay/:id/us_bank_account` and its POST (debit, then back to the site while it processes). */
export const checkoutBankPageRoutes: PageRoute[] = [
  {
    method: "GET",
    path: "/c/pay/:id/us_bank_account",
    handler: (ctx, { path }) => {
      const session = bankSession(ctx, path.id as string);
      return "object" in session ? bankFormPage(ctx, session) : session;
    },
  },
  {
    method: "POST",
    path: "/c/pay/:id/us_bank_account",
    handler: (ctx, { path, form }) => {
      const found = bankSession(ctx, path.id as string);
      if (!("object" in found)) return found;
      // The account number is echoed back only while the buyer corrects the form, never stored.
      const values = Object.fromEntries(["email", "account_holder_name", "routing_number", "account_number", "account_number_confirmation"].map((key) => [key, form.get(key) ?? ""]));
      const session = readEmail(ctx, found, form);
      if (typeof session === "string") return bankFormPage(ctx, found, { field: "email", message: session }, values);
      const read = readBankAccount(form);
      if ("field" in read) return bankFormPage(ctx, session, read, values);
      return done(payCheckoutSessionByBank(ctx, session.id, read.account, read.behavior));
    },
  },
];
