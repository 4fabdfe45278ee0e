"use client";

import { useState } from "react";
import { VersionedSettingsForm } from "@/components/admin/versioned-settings-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { updatePricingBody, type BulkTier, type PricingSettings } from "@/types/pricing";

const MAX_TIERS = 5;

type TierInput = BulkTier | { minCredits: string; percentOff: string };

/** The base credit rate and the bulk tiers, saved as the next version of the pricing. */
export function PricingSettingsForm({ settings, version }: { settings: PricingSettings; version: number }) {
  const [tiers, setTiers] = useState<TierInput[]>(settings.tiers);
  const setTier = (index: number, key: "minCredits" | "percentOff", value: string) => setTiers((rows) => rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  return (
    <VersionedSettingsForm
      version={version}
      path="/admin/pricing"
      schema={updatePricingBody}
      readSettings={(data) => ({
        currency: "usd",
        baseUnitCents: Number(data.get("baseUnitCents")),
        tiers: tiers.filter((tier) => String(tier.minCredits) !== "").map((tier) => ({ minCredits: Number(tier.minCredits), percentOff: Number(tier.percentOff) })),
      })}
      // Every problem inside a tier is shown under the tiers as a whole.
      fieldOf={(issue) => (issue.path[0] === "settings" ? (issue.path[1] === "baseUnitCents" ? "baseUnitCents" : "tiers") : String(issue.path[0]))}
      savedMessage="Saved. New quotes use it now."
      reasonHint="Kept with this version in the history and the audit log."
    >
      {(errors) => (
        <>
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
        </>
      )}
    </VersionedSettingsForm>
  );
}
