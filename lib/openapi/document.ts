// The public API's OpenAPI 3.1 document, generated from the same zod schemas the routes parse
// with, so the reference cannot drift from the code. Served at /api/v1/openapi.json and rendered
// into docs/api.md by `npm run docs:api`.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_KEY_CACHE_TTL_MS } from "@/lib/auth/api-key-cache";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import {
  balanceResponse,
  consumeUsageBody,
  ledgerPage,
  ledgerQuery,
  MAX_BATCH_BODY_BYTES,
  MAX_BATCH_EVENTS,
  usageBatchBody,
  usageBatchResponse,
  usageCheckBody,
  usageCheckResponse,
  usageResponse,
} from "@/types/usage";
import { extendHoldBody, holdResponse, holdsPage, holdsQuery, MAX_HOLD_SECONDS, releaseHoldBody, reserveHoldBody, settleHoldBody } from "@/types/holds";
import { registerDisputePaths } from "./disputes";

extendZodWithOpenApi(z);

const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]).describe("Stable machine-readable code"),
    detail: z.string().describe("What went wrong, for people"),
    errors: z.record(z.string(), z.array(z.string())).optional().describe("Messages per invalid field"),
  })
  .describe("RFC 9457 problem details (application/problem+json)");

function errors(...codes: ErrorCode[]): RouteConfig["responses"] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of ["unauthenticated", "rate_limited", "internal_error", ...codes] as ErrorCode[]) {
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      { description: list.map((code) => `\`${code}\``).join(", "), content: { "application/problem+json": { schema: problem } } },
    ]),
  );
}

const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().min(1).max(255).describe("Unique per request; a retry with the same key returns the first result"),
});

const revocationNote =
  `A revoked key is refused (401 \`unauthenticated\`) at once by the app instance that revoked it, and by every other instance within ${API_KEY_CACHE_TTL_MS / 1000} seconds: ` +
  "each instance trusts what it last read about a key for that long, so a busy key costs no database lookup per request.";

const jsonBody = (schema: z.ZodType) => ({ content: { "application/json": { schema } }, required: true });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { "application/json": { schema } } });

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const apiKey = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description:
      "A workspace API key (`sbk_…`), created under API keys in the dashboard, or a platform service key (`sbp_…`), issued by a platform admin: " +
      "the usage endpoints only, naming the workspace (`workspaceId`) on every request or event; any other endpoint answers it 403 `forbidden`. " +
      revocationNote,
  });
  const security = [{ [apiKey.name]: [] }];

  registry.registerPath({
    method: "post",
    path: "/v1/usage",
    summary: "Spend credits on a service",
    description:
      "Consumes `quantity` units of `service` from the workspace's wallet, soonest-expiring credits first. " +
      "Retries with the same Idempotency-Key return the first result (header `Idempotent-Replayed: true`).",
    security,
    request: { headers: idempotencyHeader, body: jsonBody(consumeUsageBody) },
    responses: {
      200: ok("Credits spent", usageResponse),
      ...errors("invalid_request", "validation_failed", "insufficient_credits", "forbidden", "not_found", "wallet_paused", "idempotency_mismatch", "payload_too_large", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/v1/usage/batch",
    summary: "Spend credits for many usage events at once",
    description:
      `Up to ${MAX_BATCH_EVENTS} events, each applied exactly as \`POST /v1/usage\` would apply it alone: its own ledger entry and balance, ` +
      "soonest-expiring credits first, events of one workspace in request order. `id` is the event's idempotency key, shared with the " +
      "single endpoint's `Idempotency-Key` (an event resent through either endpoint is `replayed` with its first answer; the same id " +
      "with other fields is refused `idempotency_mismatch`). The answer is `200` with one result per event, in request order: " +
      "`applied` or `replayed` with the `entry`, or `rejected` with the problem the single endpoint would have answered " +
      "(`insufficient_credits` 402, `wallet_paused` 423, `idempotency_mismatch` 409, `validation_failed` 422 for an unknown or " +
      "inactive service, `forbidden` 403 for a workspace the key may not spend from, `not_found` 404 for an unknown workspace). " +
      "A refused event writes nothing and never stops the others; a refused event is not remembered, so resending it is decided anew. " +
      "Resending a whole batch (after a timeout, say) is safe: what was applied is replayed, nothing is spent twice. " +
      `A request-level problem, with nothing written, only for a malformed request: not JSON (400), over ${MAX_BATCH_BODY_BYTES / 1024 / 1024} MiB (413), ` +
      `no events or more than ${MAX_BATCH_EVENTS}, an id used twice in the request, any event failing the schema, or (platform key) an event ` +
      "naming no workspace: 422 `validation_failed`, `errors` naming each field as `events.<index>.<field>`.",
    security,
    request: { body: jsonBody(usageBatchBody) },
    responses: {
      200: ok("One result per event, in request order", usageBatchResponse),
      ...errors("invalid_request", "validation_failed", "payload_too_large", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/v1/usage/check",
    summary: "Check whether a usage would succeed",
    description: "Changes nothing. The answer can change before a later `POST /v1/usage`, which alone decides.",
    security,
    request: { body: jsonBody(usageCheckBody) },
    responses: { 200: ok("The verdict", usageCheckResponse), ...errors("invalid_request", "validation_failed", "forbidden", "not_found") },
  });
  registry.registerPath({
    method: "get",
    path: "/v1/balance",
    summary: "The workspace's balance",
    security,
    responses: { 200: ok("Balance and wallet status", balanceResponse), ...errors("forbidden") },
  });
  registry.registerPath({
    method: "get",
    path: "/v1/ledger",
    summary: "The workspace's credit ledger",
    description: "Newest first, keyset-paginated (`cursor` = the previous page's `nextCursor`). `format=csv` streams every matching entry as CSV.",
    security,
    request: { query: ledgerQuery },
    responses: { 200: ok("One page of entries", ledgerPage), ...errors("validation_failed", "forbidden") },
  });

  const holdPath = { params: z.object({ holdId: z.uuid().describe("The hold's id, as `POST /v1/holds` answered it") }) };
  const holdEnd = ["hold_not_active", "hold_expired", "idempotency_mismatch", "not_found", "forbidden", "validation_failed"] as const;
  registry.registerPath({
    method: "post",
    path: "/v1/holds",
    summary: "Reserve credits before a job runs",
    description:
      "For a job whose cost is known only when it ends: reserves `quantity` units of `service`, priced now, for `ttlSeconds` " +
      `(default 1 hour, at most ${MAX_HOLD_SECONDS / 86_400} days). The credits leave what the wallet has available (balance − held), so spends ` +
      "and other holds cannot take them; they are pinned in lots as a spend would draw them, soonest expiry first. Credits a hold pins " +
      "stay reserved even if their lot lapses meanwhile (the job was promised them). Then settle what the job really used, release it, " +
      "or extend it; a hold left alone expires and frees its credits (within a minute, by the sweep). `201` with the hold; a retry with the " +
      "same Idempotency-Key answers `200` with the hold as it stands (header `Idempotent-Replayed: true`).",
    security,
    request: { headers: idempotencyHeader, body: jsonBody(reserveHoldBody) },
    responses: {
      201: ok("Credits reserved", holdResponse),
      ...errors("invalid_request", "validation_failed", "insufficient_credits", "forbidden", "not_found", "wallet_paused", "idempotency_mismatch", "payload_too_large", "unsupported_media_type"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/v1/holds",
    summary: "List holds",
    description: "The workspace's holds, newest first, optionally one status; keyset pages (`nextCursor`).",
    security,
    request: { query: holdsQuery },
    responses: { 200: ok("One page of holds", holdsPage), ...errors("validation_failed", "forbidden") },
  });
  registry.registerPath({
    method: "post",
    path: "/v1/holds/{holdId}/settle",
    summary: "Charge what the job really used",
    description:
      "Writes exactly one USAGE ledger entry for `quantity` units at the hold's price, drawn from the hold's own credits first; what the hold " +
      "does not need is available again at once (what it pinned in a lot that lapsed meanwhile expires now, as an EXPIRY entry). More than " +
      "the hold only if the service's overage policy allows it: `NONE` refuses (422 `exceeds_hold`), `AVAILABLE` takes the rest from " +
      "available credits (402 `insufficient_credits` past them), `DEBT` charges it even past zero (for jobs sized on an estimate). A hold " +
      "settles once: a retry with the same Idempotency-Key answers the same; any other settle, release or extend is 409 `hold_not_active`; a " +
      "hold past its expiry is 409 `hold_expired`.",
    security,
    request: { ...holdPath, headers: idempotencyHeader, body: jsonBody(settleHoldBody) },
    responses: { 200: ok("Settled", holdResponse), ...errors("invalid_request", "insufficient_credits", "exceeds_hold", ...holdEnd) },
  });
  registry.registerPath({
    method: "post",
    path: "/v1/holds/{holdId}/release",
    summary: "Give a hold's credits back unspent",
    description: "Ends the hold without a charge; its credits are available again (those of a lot that lapsed while held expire now). Once, as settle.",
    security,
    request: { ...holdPath, headers: idempotencyHeader, body: jsonBody(releaseHoldBody) },
    responses: { 200: ok("Released", holdResponse), ...errors("invalid_request", ...holdEnd) },
  });
  registry.registerPath({
    method: "post",
    path: "/v1/holds/{holdId}/extend",
    summary: "Keep a long job's hold",
    description: "The hold now expires `ttlSeconds` from now, never sooner than it already did. A retry of the last extension with its key answers as it did.",
    security,
    request: { ...holdPath, headers: idempotencyHeader, body: jsonBody(extendHoldBody) },
    responses: { 200: ok("Extended", holdResponse), ...errors("invalid_request", ...holdEnd) },
  });
  registerDisputePaths(registry, { errors, ok, jsonBody, idempotencyHeader });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Streamline Billing API",
      version: "1.0.0",
      description:
        "Server-to-server credit usage. Errors are `application/problem+json` with a stable `code`.\n\n" +
        "Authenticate with `Authorization: Bearer <key>`: a workspace key (`sbk_…`) or a platform service key (`sbp_…`). " +
        revocationNote,
    },
    servers: [{ url: "/api" }],
  });
}
