import { env } from "@/lib/env";

/**
 * Every caller's bucket when no proxy is trusted: the address is unknown, so rate limits fall on
 * all clients together rather than on whatever a client claims to be.
 */
export const SHARED_CLIENT_ADDRESS = "shared";

/**
 * The caller's address for rate limits, believing X-Forwarded-For only as far as our own proxies
 * wrote it. Each of our `trustedProxyHops` proxies appends the address it received the request
 * from, so the N-th entry from the right is the one our outermost proxy appended: the client as
 * it reached us. Entries to its left are whatever the client sent. Next passes a client-sent
 * header through untouched (it fills one from the socket only when absent) and route handlers
 * never see the socket, so with no trusted proxy there is nothing to believe: one shared bucket.
 * X-Real-IP is ignored for the same reason.
 */
export function clientIpFromHeaders(forwardedFor: string | null | undefined, trustedProxyHops: number): string {
  if (trustedProxyHops === 0) return SHARED_CLIENT_ADDRESS;
  const entries = (forwardedFor ?? "").split(",").map((entry) => entry.trim());
  // Fewer entries than proxies: the request did not come through all of them, so no entry is ours.
  if (entries.length < trustedProxyHops) return SHARED_CLIENT_ADDRESS;
  return entries.at(-trustedProxyHops) || SHARED_CLIENT_ADDRESS;
}

export function clientIp(req: Request): string {
  return clientIpFromHeaders(req.headers.get("x-forwarded-for"), env().TRUSTED_PROXY_HOPS);
}
