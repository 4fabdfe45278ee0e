"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ErrorDialog } from "@/components/ui/error-dialog";
import { Field } from "@/components/ui/field";
import { apiUrl, postJson } from "@/components/ui/problem";
import { useFormFeedback } from "@/hooks/use-form-feedback";
import { updateReferralSettingsBody, type ReferralSettings } from "@/types/referrals";

/** The referral bonuses and the referrer's monthly cap, saved as the next version. */
export function ReferralSettingsForm({ settings, version }: { settings: ReferralSettings; version: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const feedback = useFormFeedback();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = updateReferralSettingsBody.safeParse({
      basedOn: version,
      reason: String(data.get("reason") ?? ""),
      settings: {
        enabled: data.get("enabled") === "on",
        referrerCredits: Number(data.get("referrerCredits")),
        referredCredits: Number(data.get("referredCredits")),
        maxRewardsPerReferrerPerMonth: Number(data.get("maxRewardsPerReferrerPerMonth")),
      },
    });
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (errors[String(issue.path[issue.path.length - 1])] ??= []).push(issue.message);
      return feedback.showFieldErrors(errors, form);
    }
    feedback.clear();
    setPending(true);
    const result = await postJson(apiUrl("/admin/promotions/referral-settings"), parsed.data, { method: "PUT" });
    setPending(false);
    if (!result.ok) return feedback.showProblem(result.problem);
    setSaved(true);
    router.refresh();
  }

  const errors = feedback.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="size-4" />
        Referral program on
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Referrer's bonus (credits)" name="referrerCredits" type="number" min={0} defaultValue={settings.referrerCredits} errors={errors.referrerCredits} />
        <Field label="New workspace's bonus (credits)" name="referredCredits" type="number" min={0} defaultValue={settings.referredCredits} errors={errors.referredCredits} />
        <Field label="Referrer bonuses per month" name="maxRewardsPerReferrerPerMonth" type="number" min={0} defaultValue={settings.maxRewardsPerReferrerPerMonth} errors={errors.maxRewardsPerReferrerPerMonth} />
      </div>
      <Field label="Reason" name="reason" required maxLength={500} errors={errors.reason} className="max-w-md" />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Save as version {version + 1}
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {saved ? "Saved." : ""}
        </p>
      </div>
      <ErrorDialog problem={feedback.problem} onClose={feedback.dismissProblem} />
    </form>
  );
}
