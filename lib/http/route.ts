// One wrapper per audience. Each owns authentication, the role check, CSRF, parsing and error
// mapping, so a route handler only calls a service and shapes the response.
import "server-only";
import type { z } from "zod";
import { requireAdmin, requireUser, type AuthSession } from "@/lib/auth/session";
import { requireWorkspaceRole, type WorkspaceAccess } from "@/lib/auth/workspace-access";
import { db, type Db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { WorkspaceRole } from "@/lib/generated/prisma/client";
import { isCrossSiteRequest } from "./csrf";
import { problemResponse } from "./problem";
import { readJsonBody, readQuery } from "./read-request";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: Request, context: RouteContext) => Promise<Response>;

type Spec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = { body?: B; query?: Q };
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Parsed<B, Q> = { req: Request; db: Db; body: B; query: Q; params: Record<string, string> };

function flattenParams(params: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
}

function route<A, B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  spec: Spec<B, Q>,
  authenticate: (req: Request, params: Record<string, string>) => Promise<A>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & A) => Promise<Response>,
): RouteHandler {
  return async (req, context) => {
    try {
      if (isCrossSiteRequest(req)) throw new DomainError("cross_site_request", "This request came from another site");
      const params = flattenParams((await context?.params) ?? {});
      const auth = await authenticate(req, params);
      const body = (spec.body ? spec.body.parse(await readJsonBody(req)) : undefined) as Infer<B>;
      const query = (spec.query ? readQuery(req, spec.query) : undefined) as Infer<Q>;
      return await handler({ req, db: db(), body, query, params, ...auth });
    } catch (error) {
      return problemResponse(error);
    }
  };
}

/** Anyone may call it (sign-up, health). Still CSRF-checked and parsed. */
export function withPublic<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>>) => Promise<Response>,
): RouteHandler {
  return route(spec, async () => ({}), handler);
}

/** A signed-in user, acting for themselves. */
export function withCustomer<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & { session: AuthSession }) => Promise<Response>,
): RouteHandler {
  return route(spec, async (req) => ({ session: await requireUser(req) }), handler);
}

/**
 * A signed-in member of the route's `[workspaceId]`, with at least `role`. Another tenant's
 * workspace id answers 404, exactly like one that does not exist.
 */
export function withWorkspace<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q> & { role?: WorkspaceRole },
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & { session: AuthSession; workspace: WorkspaceAccess }) => Promise<Response>,
): RouteHandler {
  return route(
    spec,
    async (req, params) => {
      const session = await requireUser(req);
      return { session, workspace: await requireWorkspaceRole(session, params.workspaceId ?? "", spec.role) };
    },
    handler,
  );
}

/** Platform staff only (User.role = ADMIN); everyone else gets 403. */
export function withAdmin<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & { session: AuthSession }) => Promise<Response>,
): RouteHandler {
  return route(spec, async (req) => ({ session: await requireAdmin(req) }), handler);
}
