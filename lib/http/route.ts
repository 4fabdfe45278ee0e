// One wrapper per audience. Each owns authentication, the role check, CSRF, parsing and error
// mapping, so a route handler only calls a service and shapes the response.
import "server-only";
import type { z } from "zod";
import { authenticateApiKey, type ApiKeyCaller, type WorkspaceKeyCaller } from "@/lib/auth/api-key";
import { assertCronSecret } from "@/lib/auth/cron-secret";
import { requireAdmin, requireUser, type AuthSession } from "@/lib/auth/session";
import { requireWorkspaceRole, type WorkspaceAccess } from "@/lib/auth/workspace-access";
import { db, type Db } from "@/lib/db";
import { DomainError, forbidden, notFound } from "@/lib/errors";
import { apiKeyRateLimit, assertWithinRateLimit, RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limit";
import { verifyStripeWebhook } from "@/lib/stripe/verify-webhook";
import { idempotencyKey as idempotencyKeySchema } from "@/types/credits";
import type Stripe from "stripe";
import type { PrismaClient, WorkspaceRole } from "@/lib/generated/prisma/client";
import { clientIp } from "./client-ip";
import { isCrossSiteRequest } from "./csrf";
import { problemResponse } from "./problem";
import { readJsonBody, readQuery, readRawBody } from "./read-request";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: Request, context: RouteContext) => Promise<Response>;

type Spec<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  body?: B;
  query?: Q;
  /** Requires an `Idempotency-Key` header (a mutation that moves credits or money). */
  idempotent?: boolean;
  /** Limits calls per client address, counted before anything else is read (a function: read at request time). */
  rateLimitPerIp?: RateLimitRule | (() => RateLimitRule);
  /** The largest JSON body accepted (413 beyond); 64 KiB unless a route needs more. */
  maxBodyBytes?: number;
};
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Parsed<B, Q> = {
  req: Request;
  db: Db;
  body: B;
  query: Q;
  params: Record<string, string>;
  /** The validated `Idempotency-Key` header; empty unless the spec is `idempotent`. */
  idempotencyKey: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every `[…Id]` path segment is a UUID: anything else names nothing, so it is a 404. */
function readParams(params: Record<string, string | string[]>): Record<string, string> {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
  for (const [key, value] of Object.entries(flat)) if (key.endsWith("Id") && !UUID.test(value)) throw notFound("Resource");
  return flat;
}

function readIdempotencyKey(req: Request): string {
  const header = idempotencyKeySchema.safeParse(req.headers.get("idempotency-key") ?? "");
  if (!header.success) throw new DomainError("invalid_request", header.error.issues[0]?.message ?? "Invalid Idempotency-Key");
  return header.data;
}

function route<A, B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  spec: Spec<B, Q>,
  authenticate: (req: Request, params: Record<string, string>) => Promise<A>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & A) => Promise<Response>,
): RouteHandler {
  return async (req, context) => {
    try {
      if (isCrossSiteRequest(req)) throw new DomainError("cross_site_request", "This request came from another site");
      if (spec.rateLimitPerIp) {
        const rule = typeof spec.rateLimitPerIp === "function" ? spec.rateLimitPerIp() : spec.rateLimitPerIp;
        await assertWithinRateLimit(rule, clientIp(req));
      }
      const params = readParams((await context?.params) ?? {});
      const auth = await authenticate(req, params);
      const body = (spec.body ? spec.body.parse(await readJsonBody(req, spec.maxBodyBytes)) : undefined) as Infer<B>;
      const query = (spec.query ? readQuery(req, spec.query) : undefined) as Infer<Q>;
      const idempotencyKey = spec.idempotent ? readIdempotencyKey(req) : "";
      return await handler({ req, db: db(), body, query, params, idempotencyKey, ...auth });
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

/**
 * The API key's caller. A failure (missing, malformed, unknown or revoked key) is counted against
 * the client's address and answered 429 once the address is over its limit. Counted only when
 * authentication fails, so a valid key is never blocked by other clients' failures, even when they
 * share its address bucket.
 */
async function authenticateApiKeyWithinFailureLimit(req: Request): Promise<ApiKeyCaller> {
  try {
    return await authenticateApiKey(req);
  } catch (error) {
    if (error instanceof DomainError && error.code === "unauthenticated") {
      await assertWithinRateLimit(RATE_LIMITS.apiKeyFailuresPerAddress, clientIp(req));
    }
    throw error;
  }
}

/** Any valid API key, counted against its own rate limit. */
async function authenticateApiKeyWithinLimits(req: Request): Promise<ApiKeyCaller> {
  const caller = await authenticateApiKeyWithinFailureLimit(req);
  await assertWithinRateLimit(apiKeyRateLimit(), caller.apiKeyId);
  return caller;
}

/**
 * Server-to-server calls with a workspace API key (`Authorization: Bearer sbk_…`), rate-limited
 * per key, and failed authentications per address (429 with Retry-After). A platform service key
 * is refused with 403: it may call the usage endpoints only (`withUsageKey`).
 */
export function withApiKey<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & { caller: WorkspaceKeyCaller }) => Promise<Response>,
): RouteHandler {
  return route(
    spec,
    async (req) => {
      const caller = await authenticateApiKeyWithinLimits(req);
      if (caller.kind !== "WORKSPACE") throw forbidden("A platform service key may call only the usage endpoints");
      return { caller };
    },
    handler,
  );
}

/**
 * The usage endpoints: a workspace API key, or a platform service key (`sbp_…`) whose requests
 * name the workspace (lib/auth/api-key.ts `usageWorkspace`). Rate-limited per key, as above.
 */
export function withUsageKey<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>> & { caller: ApiKeyCaller }) => Promise<Response>,
): RouteHandler {
  return route(spec, async (req) => ({ caller: await authenticateApiKeyWithinLimits(req) }), handler);
}

/** Scheduled jobs, called with `Authorization: Bearer $CRON_SECRET`. */
export function withCron<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: Parsed<Infer<B>, Infer<Q>>) => Promise<Response>,
): RouteHandler {
  return route(spec, async (req) => (assertCronSecret(req), {}), handler);
}

// Stripe's events are a few KiB; a megabyte leaves room for large invoices without letting an
// unauthenticated caller make us buffer much.
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * Stripe's webhook deliveries. The signature over the raw body is the authentication (no
 * session, no CSRF: Stripe is not a browser); the handler receives the verified event only.
 */
export function withStripeWebhook(handler: (ctx: { db: PrismaClient; event: Stripe.Event }) => Promise<Response>): RouteHandler {
  return async (req) => {
    try {
      const event = verifyStripeWebhook(await readRawBody(req, MAX_WEBHOOK_BYTES), req.headers.get("stripe-signature"));
      return await handler({ db: db(), event });
    } catch (error) {
      return problemResponse(error);
    }
  };
}
