import { resourceMissing } from "./errors";
import { paginate } from "./list";
import { optionalObject, optionalString } from "./params";
import type { ApiRoute } from "./router";

/** `GET /v1/events` (filters `type`, `created[gte|gt|lte|lt]`) and `GET /v1/events/:id`, as Stripe has them. */
export const eventRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "/v1/events/:id",
    handler: (ctx, { path }) => {
      const found = ctx.state.events.get(path.id as string);
      if (!found) throw resourceMissing("event", path.id as string);
      return found;
    },
  },
  {
    method: "GET",
    path: "/v1/events",
    handler: (ctx, { params }) => {
      const type = optionalString(params, "type");
      const created = optionalObject(params, "created") ?? {};
      const bound = (key: string) => (typeof created[key] === "string" ? Number(created[key]) : undefined);
      const [gte, gt, lte, lt] = [bound("gte"), bound("gt"), bound("lte"), bound("lt")];
      const matchesType = (t: string) => !type || (type.endsWith("*") ? t.startsWith(type.slice(0, -1)) : t === type);
      const events = [...ctx.state.events.values()].filter(
        (e) => matchesType(e.type) && (gte === undefined || e.created >= gte) && (gt === undefined || e.created > gt) && (lte === undefined || e.created <= lte) && (lt === undefined || e.created < lt),
      );
      return paginate(events, params, "/v1/events");
    },
  },
];
