/**
 * An email address that wraps, if it must, after the "@" rather than mid-word, and is never
 * clipped: a long address takes a second line instead of an ellipsis.
 */
export function EmailText({ email }: { email: string }) {
  const at = email.lastIndexOf("@");
  if (at <= 0) return <span className="[overflow-wrap:anywhere]">{email}</span>;
  return (
    <span className="[overflow-wrap:anywhere]">
      {email.slice(0, at)}
      <wbr />@{email.slice(at + 1)}
    </span>
  );
}
