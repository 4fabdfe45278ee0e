// Display formatting for integers the app stores: credits and cents.

export const CENTS_PER_CREDIT = 10;

export function formatCredits(credits: number): string {
  return credits.toLocaleString("en-US");
}

export function formatCents(cents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(date) + " UTC";
}
