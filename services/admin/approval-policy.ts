import "server-only";
import { env } from "@/lib/env";

/**
 * Four-eyes limits: an admin adjustment of more than `thresholdCredits` credits, or worth more
 * than `thresholdCents` at the base rate, waits for a second admin. Configured by
 * ADMIN_APPROVAL_THRESHOLD_CREDITS and ADMIN_APPROVAL_THRESHOLD_CENTS (defaults 5,000 and $500).
 */
export type ApprovalPolicy = { thresholdCredits: number; thresholdCents: number };

export function approvalPolicyFromEnv(): ApprovalPolicy {
  return { thresholdCredits: env().ADMIN_APPROVAL_THRESHOLD_CREDITS, thresholdCents: env().ADMIN_APPROVAL_THRESHOLD_CENTS };
}

/** True when an adjustment of `credits` (valued at `centsPerCredit`) exceeds either limit. */
export function needsApproval(policy: ApprovalPolicy, credits: number, centsPerCredit: number): boolean {
  return credits > policy.thresholdCredits || credits * centsPerCredit > policy.thresholdCents;
}

/** The largest adjustment, in credits, that applies without a second admin. */
export function largestUnapprovedCredits(policy: ApprovalPolicy, centsPerCredit: number): number {
  return Math.min(policy.thresholdCredits, Math.floor(policy.thresholdCents / centsPerCredit));
}
