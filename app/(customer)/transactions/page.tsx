import type { Metadata } from "next";
import Link from "next/link";
import { redirectToSignIn } from "@/components/auth/redirect-to-sign-in";
import { LedgerTable } from "@/components/credits/ledger-table";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClassName } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Icon } from "@/components/ui/icon";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { apiUrl } from "@/components/ui/problem";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listLedger } from "@/services/credits/list-ledger";
import { listMeteredServices } from "@/services/credits/list-metered-services";
import { currentWorkspace } from "@/app/(customer)/current-workspace";
import { EntryPanel } from "./entry-panel";
import { TransactionsFilters } from "./transactions-filters";
import { apiParams, hasFilters, ledgerQueryOf, readTransactionsSearch, transactionsHref } from "./transactions-search";

export const metadata: Metadata = { title: "Transactions" };

const PAGE_SIZE = 50;

type TransactionsPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The workspace's ledger: every credit in and out, filtered by URL, one entry's story in a drawer. */
export default async function TransactionsPage({ searchParams }: TransactionsPageProps) {
  const session = await currentSession();
  if (!session) return redirectToSignIn("/transactions");
  const workspace = await currentWorkspace(session.user.id);
  if (!workspace) {
    return (
      <>
        <PageHeader title="Transactions" />
        <EmptyState title="No workspace yet">Your account is not a member of any workspace. Ask a workspace owner to invite you.</EmptyState>
      </>
    );
  }
  const search = readTransactionsSearch(await searchParams);
  const query = ledgerQueryOf(search, PAGE_SIZE);
  const [page, services] = await Promise.all([query.success ? listLedger(db(), workspace.id, query.data) : null, listMeteredServices(db())]);
  const filters = apiParams(search);
  filters.set("format", "csv");
  const csvHref = apiUrl(`/workspaces/${workspace.id}/ledger?${filters}`);
  const isFiltered = hasFilters(search);

  return (
    <>
      <PageHeader
        title="Transactions"
        description="Every credit in and out of your workspace, newest first. Open an entry to see what caused it."
        actions={
          <a href={csvHref} download className={buttonClassName({ variant: "secondary" })}>
            <Icon name="download" className="size-4" />
            {isFiltered ? "Export these as CSV" : "Export CSV"}
          </a>
        }
      />
      <Card flush className="mb-6">
        <TransactionsFilters search={search} services={services} />
      </Card>
      {!page ? (
        <EmptyState icon="warning" title="These filters cannot be used together" action={<ClearFilters />}>
          {query.error?.issues.map(describeIssue).join(" ")}
        </EmptyState>
      ) : page.data.length === 0 ? (
        isFiltered || search.cursor ? (
          <EmptyState icon="search" title="No entries match these filters" action={<ClearFilters />}>
            Try a wider date range or another type. A reference search matches the whole reference exactly.
          </EmptyState>
        ) : (
          <EmptyState
            icon="transactions"
            title="No transactions yet"
            action={
              <Link href="/credits" className={buttonClassName()}>
                Buy credits
              </Link>
            }
          >
            Purchases, plan credits and every use of a service will be listed here.
          </EmptyState>
        )
      ) : (
        <Card flush>
          <LedgerTable
            caption={isFiltered ? "Filtered transactions, newest first" : "Transactions, newest first"}
            entries={page.data}
            detailHref={(entry) => transactionsHref(search, { entry: entry.id })}
          />
          <KeysetPager
            firstHref={search.cursor ? transactionsHref(search, { cursor: null, entry: null }) : null}
            nextHref={page.nextCursor ? transactionsHref(search, { cursor: page.nextCursor, entry: null }) : null}
          />
        </Card>
      )}
      {search.entry && <EntryPanel workspaceId={workspace.id} entryId={search.entry} hrefFor={(id) => transactionsHref(search, { entry: id })} closeHref={transactionsHref(search, { entry: null })} />}
    </>
  );
}

/** The schema speaks to API clients; these words are for the person looking at the page. */
function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  if (issue.path[0] === "from") return "The From date is after the To date.";
  if (issue.path[0] === "cursor") return "This page link is no longer valid: start again from the first page.";
  if (issue.path[0] === "reference") return "Search for at most 255 characters.";
  return issue.message;
}

function ClearFilters() {
  return (
    <Link href="/transactions" className={buttonClassName({ variant: "secondary" })}>
      Clear filters
    </Link>
  );
}
