// Per-credit prices are fractions of a cent ($0.095); formatCents would round them to $0.10.

/** A price per credit, with up to four decimals of the currency unit: "$0.095". */
export function formatUnitPrice(unitCents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(unitCents / 100);
}
