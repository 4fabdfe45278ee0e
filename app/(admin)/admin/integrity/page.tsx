import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Metadata } from "next";
import { findAdminSession } from "@/lib/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { db } from "@/lib/db";
import { formatCredits, formatDateTime } from "@/lib/format";
import { integrityReport } from "@/services/credits/integrity-report";

export const metadata: Metadata = { title: "Integrity" };
export const dynamic = "force-dynamic";

export default async function IntegrityPage() {
  if (!(await findAdminSession())) return null;
  const report = await integrityReport(db());
  const isHealthy = report.mismatches.length === 0;
  return (
    <>
      <PageHeader title="Integrity" description="Every wallet's balance checked against the sum of its ledger and of its credit lots." />
      <Card>
        <div className="flex items-start gap-4">
          <span className={`flex size-10 shrink-0 items-center justify-center rounded-full ${isHealthy ? "bg-emerald-50 text-emerald-700" : "bg-red-50 text-red-700"}`}>
            <Icon name={isHealthy ? "integrity" : "warning"} />
          </span>
          <div>
            <p className="font-semibold text-slate-900">
              {isHealthy
                ? `All ${formatCredits(report.walletsChecked)} wallets agree with their ledger`
                : `${formatCredits(report.mismatches.length)} of ${formatCredits(report.walletsChecked)} wallets disagree with their ledger`}
            </p>
            <p className="mt-1 text-sm text-slate-600">Checked {formatDateTime(report.checkedAt)}. Reload the page to check again.</p>
          </div>
          <div className="ml-auto">
            <Badge tone={isHealthy ? "success" : "danger"}>{isHealthy ? "Consistent" : "Needs attention"}</Badge>
          </div>
        </div>
      </Card>
      {!isHealthy && (
        <Card title="Wallets that disagree" description="Balance, sum of ledger entries and credits left in lots should be equal; so should credits held by the wallet, its lots and its active holds." className="mt-6" flush>
          <ScrollRegion label="Wallets that disagree">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Wallets whose balance disagrees with their ledger</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-2.5 font-medium">Workspace id</th>
                  <th scope="col" className="px-5 py-2.5 text-right font-medium">Balance</th>
                  <th scope="col" className="px-5 py-2.5 text-right font-medium">Sum of ledger</th>
                  <th scope="col" className="px-5 py-2.5 text-right font-medium">Credits in lots</th>
                  <th scope="col" className="px-5 py-2.5 text-right font-medium">Held (wallet / lots / holds)</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.mismatches.map((mismatch) => (
                  <tr key={mismatch.walletId}>
                    <th scope="row" className="px-5 py-3 font-mono text-xs font-normal text-slate-700">{mismatch.workspaceId}</th>
                    <td className="px-5 py-3 text-right tabular-nums">{formatCredits(mismatch.balance)}</td>
                    <td className="px-5 py-3 text-right tabular-nums">{formatCredits(mismatch.ledgerSum)}</td>
                    <td className="px-5 py-3 text-right tabular-nums">{formatCredits(mismatch.lotsRemaining)}</td>
                    <td className="px-5 py-3 text-right tabular-nums">
                      {formatCredits(mismatch.held)} / {formatCredits(mismatch.lotsHeld)} / {formatCredits(mismatch.holdsHeld)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      )}
    </>
  );
}
