"use client";

import { VersionedSettingsForm } from "@/components/admin/versioned-settings-form";
import { Field } from "@/components/ui/field";
import { updateReferralSettingsBody, type ReferralSettings } from "@/types/referrals";

/** The referral bonuses and the referrer's monthly cap, saved as the next version. */
export function ReferralSettingsForm({ settings, version }: { settings: ReferralSettings; version: number }) {
  return (
    <VersionedSettingsForm
      version={version}
      path="/admin/promotions/referral-settings"
      schema={updateReferralSettingsBody}
      readSettings={(data) => ({
        enabled: data.get("enabled") === "on",
        referrerCredits: Number(data.get("referrerCredits")),
        referredCredits: Number(data.get("referredCredits")),
        maxRewardsPerReferrerPerMonth: Number(data.get("maxRewardsPerReferrerPerMonth")),
      })}
      savedMessage="Saved."
    >
      {(errors) => (
        <>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="size-4" />
            Referral program on
          </label>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Referrer's bonus (credits)" name="referrerCredits" type="number" min={0} defaultValue={settings.referrerCredits} errors={errors.referrerCredits} />
            <Field label="New workspace's bonus (credits)" name="referredCredits" type="number" min={0} defaultValue={settings.referredCredits} errors={errors.referredCredits} />
            <Field label="Referrer bonuses per month" name="maxRewardsPerReferrerPerMonth" type="number" min={0} defaultValue={settings.maxRewardsPerReferrerPerMonth} errors={errors.maxRewardsPerReferrerPerMonth} />
          </div>
        </>
      )}
    </VersionedSettingsForm>
  );
}
