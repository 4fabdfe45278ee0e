import { json } from "@/lib/http/responses";
import { holdResponse } from "@/types/holds";
import type { HoldResult } from "@/services/holds/hold-write";

/** A hold operation's answer: `created` on first success (201 for a new hold), 200 for a retry. */
export function holdResponseOf({ replayed, ...hold }: HoldResult, created = 200): Response {
  return json(holdResponse, hold, { status: replayed ? 200 : created, headers: { "idempotent-replayed": String(replayed) } });
}
