/** A rendered message, ready for the outbox. Templates in `services/mail/templates/` make these. */
export type Email = {
  /** The template's name (`invite`, `receipt`, …): preferences and the mailbox filter by it. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  workspaceId?: string | null;
};
