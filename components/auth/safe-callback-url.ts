const FALLBACK = "/dashboard";
const AUTH_PAGES = ["/sign-in", "/sign-up"];

/**
 * Where to go after signing in: a path on this site only. Anything else falls back to the
 * dashboard — an open redirect would let another site borrow our sign-in page ("//evil.test" and
 * "/\evil.test" are both other hosts to a browser), and the auth pages themselves would loop.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.includes("\\")) return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, "http://same-site.invalid");
  } catch {
    return FALLBACK;
  }
  if (url.origin !== "http://same-site.invalid" || AUTH_PAGES.includes(url.pathname)) return FALLBACK;
  return `${url.pathname}${url.search}${url.hash}`;
}
