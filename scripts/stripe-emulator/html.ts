/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** `1999, "usd"` → `19.99 USD`. */
export function formatAmount(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

const STYLE = `
body{font-family:system-ui,sans-serif;background:#f6f8fa;color:#1a1f36;margin:0}
main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:8px;padding:2rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.35rem;margin-top:0}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #8792a2;border-radius:4px}
input:focus,button:focus,a:focus{outline:3px solid #635bff;outline-offset:2px}
.row{display:flex;gap:1rem}.row>div{flex:1}
button{margin-top:1.5rem;width:100%;padding:.75rem;font-size:1rem;font-weight:600;color:#fff;background:#533afd;border:0;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #8792a2}
.error{background:#fdecea;color:#8a1c12;border:1px solid #e5a39b;padding:.75rem;border-radius:4px}
table{width:100%;border-collapse:collapse}td,th{padding:.4rem 0;text-align:left}td.num,th.num{text-align:right}
.note{color:#4f566b;font-size:.9rem}
.tabs{display:flex;gap:.5rem;margin-top:1.25rem}.tabs a{flex:1;text-align:center;padding:.6rem;border:1px solid #8792a2;border-radius:4px;color:#1a1f36;text-decoration:none}
.tabs a[aria-current=page]{border:2px solid #533afd;font-weight:600}
.banner{background:#fff4d6;color:#5c3b00;padding:.5rem 1rem;text-align:center;font-size:.9rem}`;

/** A complete, self-contained page (no external assets). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><p class="banner" role="note">Test mode — Stripe emulator. No real money moves.</p>
<main>${body}</main></body></html>`;
}
