// The pieces every template shares: escaping, and one simple layout that mail clients render
// well (inline styles, a single column, the text version carrying the same content).

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. Every user-supplied value goes through it. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

export type HtmlLayout = { heading: string; paragraphs: string[]; action?: { label: string; url: string }; footer?: string };

/** A message body: heading, paragraphs, an optional button. All text arguments are plain text. */
export function renderHtml({ heading, paragraphs, action, footer }: HtmlLayout): string {
  const body = paragraphs.map((paragraph) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(paragraph)}</p>`).join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#475569">Or open this link: <a href="${escapeHtml(action.url)}" style="color:#4338ca">${escapeHtml(action.url)}</a></p>`
    : "";
  const foot = footer ? `<p style="margin:24px 0 0;font-size:12px;color:#64748b">${escapeHtml(footer)}</p>` : "";
  return (
    `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,sans-serif;color:#0f172a">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">` +
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(heading)}</h1>${body}${button}${foot}</div></body></html>`
  );
}

/** The plain-text twin of `renderHtml`. */
export function renderText({ heading, paragraphs, action, footer }: HtmlLayout): string {
  return [heading, "", ...paragraphs.flatMap((paragraph) => [paragraph, ""]), ...(action ? [`${action.label}: ${action.url}`, ""] : []), ...(footer ? [footer] : [])]
    .join("\n")
    .trimEnd();
}
