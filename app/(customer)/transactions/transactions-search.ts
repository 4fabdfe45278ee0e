import { LEDGER_ENTRY_TYPES } from "@/types/credits";
import { ledgerQuery } from "@/types/usage";

type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

type RawParams = Record<string, string | string[] | undefined>;

/** The page's state, all in the URL so a filtered view is a link: dates are UTC days, `to` included. */
export type TransactionsSearch = {
  type: LedgerEntryType | null;
  service: string | null;
  from: string | null;
  to: string | null;
  q: string | null;
  cursor: string | null;
  entry: string | null;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function one(params: RawParams, name: string): string | null {
  const value = params[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : null;
}

function day(value: string | null): string | null {
  return value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

export function readTransactionsSearch(params: RawParams): TransactionsSearch {
  const type = one(params, "type")?.toUpperCase() ?? null;
  return {
    type: LEDGER_ENTRY_TYPES.find((known) => known === type) ?? null,
    service: one(params, "service"),
    from: day(one(params, "from")),
    to: day(one(params, "to")),
    q: one(params, "q"),
    cursor: one(params, "cursor"),
    entry: one(params, "entry"),
  };
}

export const hasFilters = (search: TransactionsSearch) => Boolean(search.type || search.service || search.from || search.to || search.q);

/** The filters as the ledger API takes them: `to` is the day after the last day shown. */
export function apiParams(search: TransactionsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.type) params.set("type", search.type);
  if (search.service) params.set("service", search.service);
  if (search.from) params.set("from", `${search.from}T00:00:00.000Z`);
  if (search.to) params.set("to", new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000).toISOString());
  if (search.q) params.set("reference", search.q);
  return params;
}

/** Validated by the API's own schema, so the page and the CSV export can never disagree. */
export function ledgerQueryOf(search: TransactionsSearch, limit: number) {
  const params = Object.fromEntries(apiParams(search));
  return ledgerQuery.safeParse({ ...params, ...(search.cursor ? { cursor: search.cursor } : {}), limit });
}

/** A link to this page with the same filters and some parts changed (null drops a part). */
export function transactionsHref(search: TransactionsSearch, change: Partial<TransactionsSearch> = {}): string {
  const next = { ...search, ...change };
  const params = new URLSearchParams();
  for (const name of ["type", "service", "from", "to", "q", "cursor", "entry"] as const) {
    const value = next[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/transactions?${query}` : "/transactions";
}
