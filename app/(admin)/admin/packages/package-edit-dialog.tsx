"use client";

import { useState } from "react";
import { AdminActionDialog, type ParsedForm } from "@/components/admin/admin-action-dialog";
import { Field } from "@/components/ui/field";
import { fieldErrorsFromIssues, type FieldErrors } from "@/hooks/use-form-feedback";
import { updatePackageBody, type AdminPackageView } from "@/types/catalog";
import { centsToDollars, dollarsToCents } from "./money-input";

function parseEdit(data: FormData, isPlan: boolean): ParsedForm {
  const priceCents = dollarsToCents(String(data.get("price") ?? ""));
  if (priceCents === null) return { ok: false, errors: { price: ["Enter an amount in dollars, like 49.99"] } };
  const rollover = data.get("rolloverCredits") === "on";
  const cap = String(data.get("rolloverCapCredits") ?? "").trim();
  const body = {
    reason: String(data.get("reason") ?? ""),
    changes: {
      name: String(data.get("name") ?? ""),
      priceCents,
      credits: Number(data.get("credits")),
      sortOrder: Number(data.get("sortOrder")),
      isActive: data.get("isActive") === "on",
      ...(isPlan ? { rolloverCredits: rollover, rolloverCapCredits: rollover && cap ? Number(cap) : null } : {}),
    },
  };
  const parsed = updatePackageBody.safeParse(body);
  if (parsed.success) return { ok: true, body };
  // The fields are named for the changes (the price in dollars): issues point at them.
  const errors = fieldErrorsFromIssues(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === "changes" ? issue.path.slice(1) : issue.path })));
  if (errors.priceCents) errors.price = errors.priceCents;
  return { ok: false, errors };
}

/**
 * "Edit" on a pack or plan: every field of its terms and a reason, saved as a new version. Says
 * up front what a price change does to subscribers, since that is the edit with consequences.
 */
export function PackageEditDialog({ pkg }: { pkg: AdminPackageView }) {
  const isPlan = pkg.interval === "MONTH";
  return (
    <AdminActionDialog
      trigger={{ label: "Edit", ariaLabel: `Edit ${pkg.name}` }}
      title={`Edit ${pkg.name}`}
      description={
        isPlan
          ? "Saved as a new version. A new price makes a new Stripe Price: current subscribers keep theirs until you move them. New credits apply from each subscriber's next renewal."
          : "Saved as a new version. Past purchases keep the terms they were bought at."
      }
      submitLabel={`Save version ${pkg.version + 1}`}
      method="PATCH"
      path={`/admin/packages/${pkg.id}`}
      parse={(data) => parseEdit(data, isPlan)}
    >
      {(errors) => <PackageFields pkg={pkg} errors={errors} />}
    </AdminActionDialog>
  );
}

function PackageFields({ pkg, errors }: { pkg: AdminPackageView; errors: FieldErrors }) {
  const isPlan = pkg.interval === "MONTH";
  const [rollover, setRollover] = useState(pkg.rolloverCredits);
  return (
    <>
      <Field label="Name" name="name" defaultValue={pkg.name} required maxLength={80} errors={errors.name} />
      <Field label={isPlan ? "Price per month (USD)" : "Price (USD)"} name="price" inputMode="decimal" defaultValue={centsToDollars(pkg.priceCents)} required errors={errors.price} />
      <Field label={isPlan ? "Credits per month" : "Credits"} name="credits" type="number" min={1} defaultValue={pkg.credits} required errors={errors.credits} />
      <Field label="Sort order" name="sortOrder" type="number" min={0} defaultValue={pkg.sortOrder} hint="Lower numbers are listed first." errors={errors.sortOrder} />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="isActive" defaultChecked={pkg.isActive} className="size-4 rounded border-slate-300" />
        On sale (unchecked: hidden from customers)
      </label>
      {isPlan && (
        <>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="rolloverCredits" checked={rollover} onChange={(event) => setRollover(event.target.checked)} className="size-4 rounded border-slate-300" />
            Unused credits roll over to the next month
          </label>
          {rollover && (
            <Field label="Rollover cap (credits)" name="rolloverCapCredits" type="number" min={0} defaultValue={pkg.rolloverCapCredits ?? ""} hint="Empty: no cap." errors={errors.rolloverCapCredits} />
          )}
        </>
      )}
      <Field label="Reason" name="reason" required maxLength={500} hint="Shown in the version history and the audit log." errors={errors.reason} />
    </>
  );
}
