"use client";

import { cancelSubscriptionBody } from "@/types/admin-customers";
import { AdminActionDialog } from "./admin-action-dialog";
import { parseWith } from "./parse-form";

/** "Cancel plan": at the end of the paid period (the default) or now, through Stripe. */
export function SubscriptionCancelDialog({ workspaceId, planName }: { workspaceId: string; planName: string }) {
  return (
    <AdminActionDialog
      trigger={{ label: "Cancel plan" }}
      title={`Cancel ${planName}`}
      description="The subscription is canceled at Stripe. Credits already granted stay in the wallet. Nothing is refunded."
      submitLabel="Cancel plan"
      danger
      path={`/admin/workspaces/${workspaceId}/subscription-cancellation`}
      parse={(form) => parseWith(cancelSubscriptionBody, { atPeriodEnd: form.get("when") !== "now" })}
    >
      {() => (
        <fieldset className="flex flex-col gap-2 text-sm text-slate-800">
          <legend className="mb-1 font-medium">When</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="when" value="period-end" defaultChecked className="size-4 accent-accent-600" />
            At the end of the paid period
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="when" value="now" className="size-4 accent-accent-600" />
            Now
          </label>
        </fieldset>
      )}
    </AdminActionDialog>
  );
}
