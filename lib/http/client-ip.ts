/**
 * The caller's address for rate limits: the right-most X-Forwarded-For entry, the one our own
 * load balancer appended (entries to its left come from the client and can be forged).
 * "local" when there is no proxy in front, as in development.
 */
export function clientIpFromHeaders(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last || realIp?.trim() || "local";
}

export function clientIp(req: Request): string {
  return clientIpFromHeaders(req.headers.get("x-forwarded-for"), req.headers.get("x-real-ip"));
}
