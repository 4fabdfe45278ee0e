import { env } from "@/lib/env";

/** An absolute link into the app, for emails and Stripe redirects: `appUrl("/billing")`. */
export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
