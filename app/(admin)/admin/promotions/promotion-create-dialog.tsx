"use client";

import { useState } from "react";
import { AdminActionDialog } from "@/components/admin/admin-action-dialog";
import { parseWith } from "@/components/admin/parse-form";
import { Field } from "@/components/ui/field";
import type { FieldErrors } from "@/hooks/use-form-feedback";
import { createPromotionBody, MAX_PLAN_DISCOUNT_MONTHS, PROMOTION_TARGETS, type PromotionTarget } from "@/types/promotions";

const TARGET_LABELS: Record<PromotionTarget, string> = { PACK: "Credit packs", PLAN: "Monthly plans", CUSTOM: "Custom amounts" };
// Plans only when ticked: a sale meant for packs should not quietly discount subscriptions.
const CHECKED_AT_FIRST: ReadonlySet<PromotionTarget> = new Set(["PACK", "CUSTOM"]);

const numberOrNull = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === "" ? null : Number(value));
/** A datetime-local value, read in the admin's own time zone. */
const localDate = (value: FormDataEntryValue | null) => (value === null || String(value) === "" ? null : new Date(String(value)));

function parsePromotion(data: FormData) {
  const kind = data.get("kind") === "BONUS_CREDITS" ? "BONUS_CREDITS" : "PERCENT_OFF";
  const code = String(data.get("code") ?? "").trim();
  return parseWith(createPromotionBody, {
    name: data.get("name"),
    code: code || null,
    kind,
    percentOff: kind === "PERCENT_OFF" ? numberOrNull(data.get("percentOff")) : null,
    bonusCredits: kind === "BONUS_CREDITS" ? numberOrNull(data.get("bonusCredits")) : null,
    appliesTo: data.getAll("appliesTo"),
    startsAt: localDate(data.get("startsAt")) ?? new Date(),
    endsAt: localDate(data.get("endsAt")),
    maxRedemptions: numberOrNull(data.get("maxRedemptions")),
    maxPerWorkspace: numberOrNull(data.get("maxPerWorkspace")),
    firstPurchaseOnly: data.get("firstPurchaseOnly") === "on",
    budgetCredits: kind === "BONUS_CREDITS" ? numberOrNull(data.get("budgetCredits")) : null,
    bonusExpiresDays: kind === "BONUS_CREDITS" ? numberOrNull(data.get("bonusExpiresDays")) : null,
    planDiscountMonths: kind === "PERCENT_OFF" ? (numberOrNull(data.get("planDiscountMonths")) ?? 1) : 1,
  });
}

/** "New promotion": a sale (no code, runs in its window) or a code, with its limits. */
export function PromotionCreateDialog() {
  return (
    <AdminActionDialog
      trigger={{ label: "New promotion", variant: "primary", size: "md" }}
      title="New promotion"
      description="Without a code it is a sale: it applies by itself to every eligible purchase between its start and end. Limits count from the moment a customer opens Checkout."
      submitLabel="Create promotion"
      path="/admin/promotions"
      parse={parsePromotion}
    >
      {(errors) => <PromotionFields errors={errors} />}
    </AdminActionDialog>
  );
}

/** The fields; which ones show depends on the kind chosen. */
function PromotionFields({ errors }: { errors: FieldErrors }) {
  const [kind, setKind] = useState<"PERCENT_OFF" | "BONUS_CREDITS">("PERCENT_OFF");
  return (
    <>
      <Field label="Name" name="name" required maxLength={80} hint="Customers see it on the price." errors={errors.name} />
      <Field label="Code (optional)" name="code" maxLength={32} hint="Leave empty for a sale." errors={errors.code} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Kind</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="kind" value="PERCENT_OFF" checked={kind === "PERCENT_OFF"} onChange={() => setKind("PERCENT_OFF")} />
          Percent off the price
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="kind" value="BONUS_CREDITS" checked={kind === "BONUS_CREDITS"} onChange={() => setKind("BONUS_CREDITS")} />
          Bonus credits on payment
        </label>
        {errors.kind && <p className="text-sm text-red-700">{errors.kind.join(" ")}</p>}
      </fieldset>
      {kind === "PERCENT_OFF" ? (
        <>
          <Field label="Percent off" name="percentOff" type="number" min={1} max={90} required errors={errors.percentOff} />
          <Field
            label="Monthly plans: payments discounted"
            name="planDiscountMonths"
            type="number"
            min={1}
            max={MAX_PLAN_DISCOUNT_MONTHS}
            defaultValue={1}
            hint="1: the first payment only. On plans the discount is a Stripe coupon on the subscription."
            errors={errors.planDiscountMonths}
          />
        </>
      ) : (
        <>
          <Field label="Bonus credits" name="bonusCredits" type="number" min={1} required errors={errors.bonusCredits} />
          <Field label="Bonus credits expire after (days, optional)" name="bonusExpiresDays" type="number" min={1} errors={errors.bonusExpiresDays} />
          <Field label="Campaign budget (credits, optional)" name="budgetCredits" type="number" min={1} hint="No more bonus credits than this are promised in total." errors={errors.budgetCredits} />
        </>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Applies to</legend>
        {PROMOTION_TARGETS.map((target) => (
          <label key={target} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="appliesTo" value={target} defaultChecked={CHECKED_AT_FIRST.has(target)} className="size-4" />
            {TARGET_LABELS[target]}
          </label>
        ))}
        {errors.appliesTo && <p className="text-sm text-red-700">{errors.appliesTo.join(" ")}</p>}
      </fieldset>
      <Field label="Starts" name="startsAt" type="datetime-local" hint="Empty: now." errors={errors.startsAt} />
      <Field label="Ends (optional)" name="endsAt" type="datetime-local" errors={errors.endsAt} />
      <Field label="Total redemptions (optional)" name="maxRedemptions" type="number" min={1} errors={errors.maxRedemptions} />
      <Field label="Per workspace (optional)" name="maxPerWorkspace" type="number" min={1} errors={errors.maxPerWorkspace} />
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="firstPurchaseOnly" className="size-4" />
        First purchase only
      </label>
    </>
  );
}
