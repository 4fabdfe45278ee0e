import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUESTED_PATH_HEADER, signInUrl } from "./safe-callback-url";

/**
 * Sends a visitor without a valid session to sign in, to come back to the page they asked for
 * (path and query, as proxy.ts saw them). `fallback` is used when the request did not pass
 * through the proxy.
 */
export async function redirectToSignIn(fallback: string): Promise<never> {
  const requested = (await headers()).get(REQUESTED_PATH_HEADER);
  redirect(signInUrl(requested ?? fallback));
}
