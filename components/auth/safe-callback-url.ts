/** Where someone lands after signing in when no page asked for them: "/" sends each role home. */
const FALLBACK = "/";
const AUTH_PAGES = ["/sign-in", "/sign-up"];

/**
 * The path and query of the page being requested, set by proxy.ts on every page request (any
 * value a client sends is overwritten), so a layout can send a signed-out visitor to sign in and
 * bring them back to exactly that page.
 */
export const REQUESTED_PATH_HEADER = "x-requested-path";

/**
 * Where to go after signing in: a path on this site only. Anything else falls back to "/", which
 * sends admins to the admin area and customers to their dashboard — an open redirect would let
 * another site borrow our sign-in page ("//evil.test" and "/\evil.test" are both other hosts to a
 * browser), and the auth pages themselves would loop.
 */
export function safeCallbackUrl(value: string | string[] | null | undefined): string {
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

/** The sign-in page, returning to `path` (made safe) afterwards. */
export function signInUrl(path: string | null | undefined): string {
  const callbackUrl = safeCallbackUrl(path);
  return callbackUrl === FALLBACK ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
