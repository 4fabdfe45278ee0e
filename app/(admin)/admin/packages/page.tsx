import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { findAdminSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCents, formatCredits, formatDateTime } from "@/lib/format";
import { listPackagesForAdmin } from "@/services/catalog/list-packages-for-admin";
import { getPricingSettingsVersion, pricingHistory } from "@/services/pricing/pricing-settings";
import type { AdminPackageView } from "@/types/catalog";
import { pricingSettings } from "@/types/pricing";
import { MigrateSubscribersButton } from "./migrate-subscribers-button";
import { PackageEditDialog } from "./package-edit-dialog";
import { PricingSettingsForm } from "./pricing-settings-form";

export const metadata: Metadata = { title: "Packages" };
export const dynamic = "force-dynamic";

export default async function PackagesPage() {
  if (!(await findAdminSession())) return null;
  const [packages, pricing, history] = await Promise.all([listPackagesForAdmin(db()), getPricingSettingsVersion(db()), pricingHistory(db())]);
  const plans = packages.filter((pkg) => pkg.interval === "MONTH");
  const packs = packages.filter((pkg) => pkg.interval === "ONE_TIME");
  return (
    <>
      <PageHeader title="Packages" description="Monthly plans, one-time credit packs and the custom-amount pricing. Every edit is a new version, kept with its reason." />
      <div className="flex flex-col gap-6">
        <PackageCard title="Monthly plans" rows={plans} empty="No monthly plans yet." />
        <PackageCard title="Credit packs" rows={packs} empty="No credit packs yet." />
        <Card title="Custom amounts" description={`Version ${pricing.version}${pricing.version === 0 ? " (the defaults)" : ""}. Quotes and new checkouts use it as soon as it is saved.`}>
          <PricingSettingsForm settings={pricing.settings} version={pricing.version} />
        </Card>
        <Card title="Pricing history" flush>
          {history.length ? (
            <Table caption="Pricing versions, newest first" columns={[{ label: "Version" }, { label: "Base rate" }, { label: "Tiers" }, { label: "Reason" }, { label: "Saved" }]}>
              {history.map((row) => {
                const value = pricingSettings.safeParse(row.value);
                return (
                  <tr key={row.id}>
                    <td className="px-5 py-3">{row.version}</td>
                    <td className="px-5 py-3">{value.success ? `${value.data.baseUnitCents}¢` : "—"}</td>
                    <td className="px-5 py-3">{value.success ? value.data.tiers.map((t) => `${formatCredits(t.minCredits)}+: ${t.percentOff}%`).join(", ") || "none" : "—"}</td>
                    <td className="px-5 py-3">{row.reason}</td>
                    <td className="px-5 py-3 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                  </tr>
                );
              })}
            </Table>
          ) : (
            <EmptyState title="Never edited" bordered={false}>
              The defaults are in force: 10¢ a credit, 5% off from 5,000, 10% from 20,000, 15% from 100,000.
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}

function PackageCard({ title, rows, empty }: { title: string; rows: AdminPackageView[]; empty: string }) {
  const isPlan = rows[0]?.interval === "MONTH";
  return (
    <Card title={title} flush>
      {rows.length ? (
        <Table
          caption={title}
          columns={[{ label: "Name" }, { label: "Price", align: "right" }, { label: "Credits", align: "right" }, { label: isPlan ? "Rollover" : "Order" }, { label: "Status" }, { label: "Version", align: "right" }, { label: "Actions" }]}
        >
          {rows.map((pkg) => (
            <tr key={pkg.id}>
              <td className="px-5 py-3 font-medium text-slate-900">{pkg.name}</td>
              <td className="px-5 py-3 text-right whitespace-nowrap">
                {formatCents(pkg.priceCents, pkg.currency)}
                {pkg.interval === "MONTH" ? "/mo" : ""}
              </td>
              <td className="px-5 py-3 text-right">{formatCredits(pkg.credits)}</td>
              <td className="px-5 py-3 whitespace-nowrap">
                {pkg.interval === "MONTH" ? (pkg.rolloverCredits ? `Yes${pkg.rolloverCapCredits !== null ? `, cap ${formatCredits(pkg.rolloverCapCredits)}` : ""}` : "No") : pkg.sortOrder}
              </td>
              <td className="px-5 py-3">{pkg.isActive ? <Badge tone="success">On sale</Badge> : <Badge>Hidden</Badge>}</td>
              <td className="px-5 py-3 text-right">v{pkg.version}</td>
              <td className="px-5 py-3">
                <div className="flex flex-wrap gap-2">
                  <PackageEditDialog pkg={pkg} />
                  {pkg.subscribersOnOlderPrice > 0 && <MigrateSubscribersButton packageId={pkg.id} name={pkg.name} count={pkg.subscribersOnOlderPrice} priceCents={pkg.priceCents} />}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <EmptyState title={empty} bordered={false}>
          Packages are added by the seed or the admin API (POST /api/admin/packages).
        </EmptyState>
      )}
    </Card>
  );
}
