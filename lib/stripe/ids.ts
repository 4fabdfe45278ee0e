/** The id of an expandable Stripe field: a string, or the object when it was expanded. */
export function stripeId(value: string | { id: string } | null | undefined): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}
