"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { apiUrl, postJson } from "@/components/ui/problem";
import { fieldErrorsFromIssues, useFormFeedback } from "@/hooks/use-form-feedback";
import { updatePackageBody, type AdminPackageView } from "@/types/catalog";
import { centsToDollars, dollarsToCents } from "./money-input";

/**
 * "Edit" on a pack or plan: every field of its terms and a reason, saved as a new version. Says
 * up front what a price change does to subscribers, since that is the edit with consequences.
 */
export function PackageEditDialog({ pkg }: { pkg: AdminPackageView }) {
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [rollover, setRollover] = useState(pkg.rolloverCredits);
  const feedback = useFormFeedback();
  const isPlan = pkg.interval === "MONTH";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const priceCents = dollarsToCents(String(data.get("price") ?? ""));
    if (priceCents === null) return feedback.showFieldErrors({ price: ["Enter an amount in dollars, like 49.99"] }, form);
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
    if (!parsed.success) {
      const errors = fieldErrorsFromIssues(parsed.error.issues.map((issue) => ({ ...issue, path: issue.path[0] === "changes" ? issue.path.slice(1) : issue.path })));
      if (errors.priceCents) errors.price = errors.priceCents;
      return feedback.showFieldErrors(errors, form);
    }
    feedback.clear();
    setPending(true);
    const result = await postJson(apiUrl(`/admin/packages/${pkg.id}`), parsed.data, { method: "PATCH" });
    setPending(false);
    if (!result.ok) {
      if (result.problem.errors && Object.keys(result.problem.errors).length) return feedback.showFieldErrors(result.problem.errors, form);
      return feedback.showProblem(result.problem);
    }
    setOpen(false);
    router.refresh();
  }

  const errors = feedback.fieldErrors;
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Edit ${pkg.name}`}>
        Edit
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !pending && (setOpen(next), feedback.clear())}
        title={`Edit ${pkg.name}`}
        description={
          isPlan
            ? "Saved as a new version. A new price makes a new Stripe Price: current subscribers keep theirs until you move them. New credits apply from each subscriber's next renewal."
            : "Saved as a new version. Past purchases keep the terms they were bought at."
        }
        closeLabel="Cancel"
        footer={
          <Button type="submit" form={formId} pending={pending}>
            Save version {pkg.version + 1}
          </Button>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate className="flex max-h-[55vh] flex-col gap-4 overflow-y-auto p-1">
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
                <input type="checkbox" checked={rollover} onChange={(event) => setRollover(event.target.checked)} className="size-4 rounded border-slate-300" />
                Unused credits roll over to the next month
              </label>
              {rollover && (
                <Field label="Rollover cap (credits)" name="rolloverCapCredits" type="number" min={0} defaultValue={pkg.rolloverCapCredits ?? ""} hint="Empty: no cap." errors={errors.rolloverCapCredits} />
              )}
            </>
          )}
          <Field label="Reason" name="reason" required maxLength={500} hint="Shown in the version history and the audit log." errors={errors.reason} />
        </form>
      </Dialog>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </>
  );
}
