// Cross-site request forgery: a browser always says where a state-changing request comes from
// (Origin, and Sec-Fetch-Site in current browsers). Requests from other sites are refused.
// Requests with neither header come from non-browser clients, which carry no ambient cookies.
import { env } from "@/lib/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function trustedOrigins(req: Request): Set<string> {
  const app = new URL(env().APP_URL);
  const origins = new Set([app.origin, `${app.protocol}//api.${app.host}`]);
  const host = req.headers.get("host");
  if (host) origins.add(`${new URL(req.url).protocol}//${host}`);
  return origins;
}

export function isCrossSiteRequest(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  if (origin) return !trustedOrigins(req).has(origin);
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin" && fetchSite !== "none";
  return false;
}
