import { z } from "zod";

/** The report's window: the last N UTC days, today included. */
export const FINANCE_RANGES = [7, 30, 90, 365] as const;
export type FinanceRangeDays = (typeof FINANCE_RANGES)[number];

export const financeRangeDays = z.coerce
  .number()
  .int()
  .refine((days): days is FinanceRangeDays => (FINANCE_RANGES as readonly number[]).includes(days), "Use 7, 30, 90 or 365 days")
  .transform((days) => days as FinanceRangeDays);

export const FINANCE_TABLES = ["revenue-daily", "revenue-monthly", "credits-daily", "credits-by-type", "plans"] as const;
export type FinanceTable = (typeof FINANCE_TABLES)[number];

export const financeExportQuery = z.object({
  table: z.enum(FINANCE_TABLES),
  days: financeRangeDays.default(30),
});
