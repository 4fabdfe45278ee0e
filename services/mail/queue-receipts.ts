import "server-only";
import { appUrl } from "@/lib/app-url";
import type { Db } from "@/lib/db";
import { listBillingRecipients } from "./list-billing-recipients";
import { queueEmail } from "./queue-email";
import { receiptEmail } from "./templates/receipt";

export type ReceiptInput = { workspaceId: string; description: string; credits: number; amountCents: number; currency: string };

/**
 * Queues a receipt to the workspace's owners and admins. Call it in the transaction that grants
 * the credits, and only when the grant was not a replay, so each payment sends one receipt.
 */
export async function queueReceipts(tx: Db, input: ReceiptInput): Promise<void> {
  const { workspaceName, emails } = await listBillingRecipients(tx, input.workspaceId);
  for (const to of emails) await queueEmail(tx, receiptEmail({ ...input, to, workspaceName, billingUrl: appUrl("/billing") }));
}
