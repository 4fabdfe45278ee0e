"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { apiUrl, postJson } from "@/components/ui/problem";
import { useFormFeedback } from "@/hooks/use-form-feedback";
import { updatePricingBody, type BulkTier, type PricingSettings } from "@/types/pricing";

const MAX_TIERS = 5;

/** The base credit rate and the bulk tiers, saved as the next version of the pricing. */
export function PricingSettingsForm({ settings, version }: { settings: PricingSettings; version: number }) {
  const router = useRouter();
  const [tiers, setTiers] = useState<(BulkTier | { minCredits: string; percentOff: string })[]>(settings.tiers);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const feedback = useFormFeedback();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = updatePricingBody.safeParse({
      basedOn: version,
      reason: String(data.get("reason") ?? ""),
      settings: {
        currency: "usd",
        baseUnitCents: Number(data.get("baseUnitCents")),
        tiers: tiers.filter((tier) => String(tier.minCredits) !== "").map((tier) => ({ minCredits: Number(tier.minCredits), percentOff: Number(tier.percentOff) })),
      },
    });
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[issue.path[0] === "settings" ? (issue.path[1] === "baseUnitCents" ? "baseUnitCents" : "tiers") : String(issue.path[0])] ??= []).push(issue.message);
      return feedback.showFieldErrors(errors, form);
    }
    feedback.clear();
    setPending(true);
    const result = await postJson(apiUrl("/admin/pricing"), parsed.data, { method: "PUT" });
    setPending(false);
    if (!result.ok) return feedback.showProblem(result.problem);
    setSaved(true);
    form.reset();
    router.refresh();
  }

  const setTier = (index: number, key: "minCredits" | "percentOff", value: string) => setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const errors = feedback.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <Field label="Base rate (cents per credit)" name="baseUnitCents" type="number" min={1} defaultValue={settings.baseUnitCents} required errors={errors.baseUnitCents} className="max-w-xs" />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Bulk tiers (the whole purchase gets the tier it reaches)</legend>
        {tiers.map((tier, index) => (
          <div key={index} className="flex flex-wrap items-end gap-3">
            <Field label={`Tier ${index + 1}: from credits`} type="number" min={100} value={String(tier.minCredits)} onChange={(event) => setTier(index, "minCredits", event.target.value)} className="w-40" />
            <Field label="Percent off" type="number" min={1} max={99} value={String(tier.percentOff)} onChange={(event) => setTier(index, "percentOff", event.target.value)} className="w-28" />
            <Button type="button" size="sm" variant="ghost" onClick={() => setTiers((rows) => rows.filter((_, i) => i !== index))} aria-label={`Remove tier ${index + 1}`}>
              Remove
            </Button>
          </div>
        ))}
        {errors.tiers && (
          <p role="alert" className="text-sm text-red-700">
            {errors.tiers.join(" ")}
          </p>
        )}
        {tiers.length < MAX_TIERS && (
          <div>
            <Button type="button" size="sm" variant="secondary" onClick={() => setTiers((rows) => [...rows, { minCredits: "", percentOff: "" }])}>
              Add tier
            </Button>
          </div>
        )}
      </fieldset>
      <Field label="Reason" name="reason" required maxLength={500} hint="Kept with this version in the history and the audit log." errors={errors.reason} className="max-w-md" />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Save as version {version + 1}
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {saved ? "Saved. New quotes use it now." : ""}
        </p>
      </div>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </form>
  );
}
