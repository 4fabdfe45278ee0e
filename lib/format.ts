// Display formatting for integers the app stores: credits and cents.

export const CENTS_PER_CREDIT = 10;

export function formatCredits(credits: number): string {
  return credits.toLocaleString("en-US");
}

export function formatCents(cents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

/** A price per credit, a fraction of a cent kept ("$0.095", where formatCents would say "$0.10"). */
export function formatUnitPrice(unitCents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(unitCents / 100);
}

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";
}
