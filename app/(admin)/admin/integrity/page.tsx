import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { formatCredits, formatDateTime } from "@/lib/format";
import { integrityReport } from "@/services/credits/integrity-report";

export const metadata: Metadata = { title: "Integrity" };
export const dynamic = "force-dynamic";

export default async function IntegrityPage() {
  const report = await integrityReport(db());
  return (
    <>
      <PageHeader title="Integrity" description="Every wallet's balance against the sum of its ledger and of its credit lots." />
      <Card>
        <p className={`text-lg font-semibold ${report.mismatches.length ? "text-red-700" : "text-emerald-700"}`}>
          {report.mismatches.length ? `${report.mismatches.length} wallet(s) disagree with their ledger` : `All ${formatCredits(report.walletsChecked)} wallets agree with their ledger`}
        </p>
        <p className="mt-1 text-sm text-slate-500">Checked {formatDateTime(report.checkedAt)}</p>
        {report.mismatches.length > 0 && (
          <table className="mt-4 w-full text-left text-sm">
            <caption className="sr-only">Wallets whose balance disagrees</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-2">Workspace</th>
                <th scope="col" className="py-2 text-right">Balance</th>
                <th scope="col" className="py-2 text-right">Σ ledger</th>
                <th scope="col" className="py-2 text-right">Σ lots</th>
              </tr>
            </thead>
            <tbody>
              {report.mismatches.map((m) => (
                <tr key={m.walletId}>
                  <td className="py-2 font-mono text-xs">{m.workspaceId}</td>
                  <td className="py-2 text-right">{m.balance}</td>
                  <td className="py-2 text-right">{m.ledgerSum}</td>
                  <td className="py-2 text-right">{m.lotsRemaining}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
