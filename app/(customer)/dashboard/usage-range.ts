import { USAGE_RANGES, type UsageRange } from "@/services/insights/get-overview";

/** `?range=90` → 90; anything else (missing, repeated, unknown) → the 30-day default. */
export function usageRangeOf(param: string | string[] | undefined): UsageRange {
  const value = Number(Array.isArray(param) ? param[0] : param);
  return USAGE_RANGES.find((range) => range === value) ?? 30;
}
