// Display formatting for integers the app stores: credits and cents.

export const CENTS_PER_CREDIT = 10;

const CREDITS_FORMAT = new Intl.NumberFormat("en-US");
const DATE_TIME_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatCredits(credits: number): string {
  return CREDITS_FORMAT.format(credits);
}

// Building an Intl formatter costs far more than using one (a 365-day finance page formats
// thousands of amounts): one per currency, made once.
const currencyFormats = new Map<string, Intl.NumberFormat>();

export function formatCents(cents: number, currency = "usd"): string {
  const code = currency.toUpperCase();
  let format = currencyFormats.get(code);
  if (!format) currencyFormats.set(code, (format = new Intl.NumberFormat("en-US", { style: "currency", currency: code })));
  return format.format(cents / 100);
}

/** A price per credit, a fraction of a cent kept ("$0.095", where formatCents would say "$0.10"). */
export function formatUnitPrice(unitCents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(unitCents / 100);
}

export function formatDateTime(date: Date): string {
  return DATE_TIME_FORMAT.format(date) + " UTC";
}
