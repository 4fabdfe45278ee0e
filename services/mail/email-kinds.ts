/**
 * Every kind of mail the app sends. Transactional kinds answer something the recipient did or must
 * act on (an invitation, a receipt) and are always sent; the others are notifications a member may
 * turn off per workspace on the settings page.
 */
export const EMAIL_KINDS = {
  invite: { optional: false, label: "Invitations" },
  receipt: { optional: false, label: "Receipts" },
  low_balance: { optional: true, label: "Low balance warnings" },
  plan_change: { optional: true, label: "Plan changes" },
  dispute_decision: { optional: true, label: "Dispute decisions" },
} as const;

export type EmailKind = keyof typeof EMAIL_KINDS;

export const OPTIONAL_EMAIL_KINDS = (Object.keys(EMAIL_KINDS) as EmailKind[]).filter((kind) => EMAIL_KINDS[kind].optional);

export function isOptionalEmailKind(kind: string): boolean {
  return kind in EMAIL_KINDS && EMAIL_KINDS[kind as EmailKind].optional;
}
