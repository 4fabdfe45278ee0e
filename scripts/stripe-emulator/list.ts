import { invalidRequest } from "./errors";
import type { ParamObject } from "./form-body";
import type { ListObject } from "./objects";
import { optionalInteger, optionalString } from "./params";

/**
 * One page of a Stripe list, newest first: `limit` (1–100, default 10), `starting_after` and
 * `ending_before` by object id.
 */
export function paginate<T extends { id: string }>(items: Iterable<T>, params: ParamObject, url: string): ListObject<T> {
  const all = [...items].reverse();
  const limit = optionalInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) throw invalidRequest("Invalid limit: must be between 1 and 100", "limit");
  const after = optionalString(params, "starting_after");
  const before = optionalString(params, "ending_before");
  let start = 0;
  let end = all.length;
  if (after) {
    const index = all.findIndex((item) => item.id === after);
    if (index < 0) throw invalidRequest(`No such object: '${after}'`, "starting_after", "resource_missing");
    start = index + 1;
  } else if (before) {
    const index = all.findIndex((item) => item.id === before);
    if (index < 0) throw invalidRequest(`No such object: '${before}'`, "ending_before", "resource_missing");
    end = index;
    start = Math.max(0, end - limit);
  }
  const data = all.slice(start, Math.min(end, start + limit));
  const hasMore = before ? start > 0 : start + limit < end;
  return { object: "list", data, has_more: hasMore, url };
}

/** A complete list, as embedded in objects (`subscription.items`, `invoice.lines`). */
export function fullList<T>(data: T[], url: string): ListObject<T> {
  return { object: "list", data, has_more: false, url };
}
