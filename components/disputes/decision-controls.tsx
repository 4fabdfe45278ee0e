import type { DisputeView } from "@/types/disputes";
import { DecisionDialog } from "./decision-dialog";

/** The actions the signed-in admin may take on the dispute now; appeals are decided by senior admins only. */
export function DecisionControls({ dispute, adminId, isSenior }: { dispute: DisputeView; adminId: string; isSenior: boolean }) {
  const remaining = dispute.creditsRequested - dispute.creditsRefunded;
  const undecided = dispute.status === "OPEN" || dispute.status === "UNDER_REVIEW" || dispute.status === "APPEALED";
  if (!undecided) return <p className="text-sm text-slate-600">Decided. {dispute.appealableUntil ? "The customer may still appeal." : "Nothing left to do."}</p>;
  const canDecide = dispute.status === "UNDER_REVIEW" || (dispute.status === "APPEALED" && isSenior);
  const common = { disputeId: dispute.id, remaining };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        {dispute.assignedToId !== adminId && <DecisionDialog {...common} kind="assign" consequence="You become the dispute's reviewer. This counts as the first response." />}
        {dispute.status === "OPEN" && <DecisionDialog {...common} kind="review" consequence="The customer sees that the dispute is under review." />}
        {canDecide && (
          <>
            <DecisionDialog {...common} kind="full_refund" consequence={`${remaining.toLocaleString("en-US")} credits go back to the customer's balance, and they are emailed.`} />
            {remaining > 1 && <DecisionDialog {...common} kind="partial_refund" consequence="The credits you enter go back to the customer's balance. They may appeal once to a senior admin." />}
            <DecisionDialog {...common} kind="explained" consequence="No credits are refunded; the customer gets your explanation by email." />
            <DecisionDialog {...common} kind="reject" consequence={dispute.appealLevel ? "The appeal is rejected; this is final." : "No credits are refunded. The customer may appeal once to a senior admin."} />
          </>
        )}
      </div>
      {dispute.status === "OPEN" && <p className="text-sm text-slate-600">Start the review before deciding.</p>}
      {dispute.status === "APPEALED" && !isSenior && <p className="text-sm text-slate-600">This is an appeal: only a senior admin can decide it.</p>}
    </div>
  );
}
