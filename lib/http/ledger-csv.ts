import type { LedgerEntryView } from "@/types/usage";
import type { CsvColumn } from "./csv";

export const LEDGER_CSV_COLUMNS: CsvColumn<LedgerEntryView>[] = [
  { header: "id", value: (e) => e.id },
  { header: "created_at", value: (e) => e.createdAt },
  { header: "type", value: (e) => e.type },
  { header: "amount", value: (e) => e.amount },
  { header: "balance_after", value: (e) => e.balanceAfter },
  { header: "service", value: (e) => e.service },
  { header: "quantity", value: (e) => e.quantity },
  { header: "reference_type", value: (e) => e.referenceType },
  { header: "reference_id", value: (e) => e.referenceId },
  { header: "reverses_id", value: (e) => e.reversesId },
  { header: "description", value: (e) => e.description },
];
