import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { stripeIdempotencyKey } from "@/lib/stripe/client";

/**
 * The workspace's Stripe customer, created on first need. The idempotency key is the workspace's
 * id, so two first purchases at once still make one customer.
 */
export async function ensureStripeCustomer(db: Db, stripe: Stripe, workspaceId: string): Promise<string> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { name: true, stripeCustomerId: true, memberships: { where: { role: "OWNER" }, take: 1, select: { user: { select: { email: true } } } } },
  });
  if (!workspace) throw notFound("Workspace");
  if (workspace.stripeCustomerId) return workspace.stripeCustomerId;
  const customer = await stripe.customers.create(
    { name: workspace.name, email: workspace.memberships[0]?.user.email, metadata: { workspace_id: workspaceId } },
    { idempotencyKey: stripeIdempotencyKey("customer", workspaceId) },
  );
  await db.workspace.update({ where: { id: workspaceId }, data: { stripeCustomerId: customer.id } });
  return customer.id;
}
