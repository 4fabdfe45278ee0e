// The credit disputes' routes in the OpenAPI document. They are called by the dashboard with a
// session cookie (not an API key), so they carry their own security scheme.
import type { OpenAPIRegistry, RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import {
  adminDisputePage,
  adminDisputeQuery,
  appealBody,
  assignBody,
  disputeListQuery,
  disputePage,
  disputeView,
  openDisputeBody,
  rejectBody,
  resolveBody,
  reviewBody,
} from "@/types/disputes";

export type DocHelpers = {
  errors: (...codes: ErrorCode[]) => RouteConfig["responses"];
  ok: (description: string, schema: z.ZodType) => { description: string; content: { "application/json": { schema: z.ZodType } } };
  jsonBody: (schema: z.ZodType) => { content: { "application/json": { schema: z.ZodType } }; required: boolean };
  idempotencyHeader: z.ZodObject;
};

export function registerDisputePaths(registry: OpenAPIRegistry, { errors, ok, jsonBody, idempotencyHeader }: DocHelpers) {
  const cookie = registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "A signed-in session (the dashboard). Admin routes need a platform admin; deciding an appeal needs a senior admin.",
  });
  const security = [{ [cookie.name]: [] }];
  const disputeId = z.object({ disputeId: z.uuid() });
  const decision = "A repeated request with the same Idempotency-Key returns the first answer; a decision on a dispute in another state is 409 `illegal_transition`.";

  registry.registerPath({
    method: "post",
    path: "/disputes",
    summary: "Dispute a credit charge",
    description:
      "Opens a dispute on a usage or admin-removal entry of one of your workspaces, within the dispute window (30 days by default). " +
      "One open dispute per entry (409 `dispute_exists`); another workspace's entry is 404.",
    security,
    request: { headers: idempotencyHeader, body: jsonBody(openDisputeBody) },
    responses: { 201: ok("The new dispute", disputeView), 200: ok("A retry: the dispute first created", disputeView), ...errors("invalid_request", "validation_failed", "not_found", "dispute_exists", "dispute_window_closed", "idempotency_mismatch", "conflict") },
  });
  registry.registerPath({
    method: "get",
    path: "/disputes",
    summary: "Your disputes",
    description: "Newest first, keyset-paginated (`cursor` = the previous page's `nextCursor`). Each dispute carries its timeline.",
    security,
    request: { query: disputeListQuery },
    responses: { 200: ok("One page of disputes", disputePage), ...errors("validation_failed") },
  });
  registry.registerPath({
    method: "get",
    path: "/disputes/{disputeId}",
    summary: "One of your disputes",
    security,
    request: { params: disputeId },
    responses: { 200: ok("The dispute and its timeline", disputeView), ...errors("not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/disputes/{disputeId}/appeal",
    summary: "Appeal a decision",
    description: "Once, within the appeal window (14 days by default), of a rejection or a partial refund. A senior admin decides the appeal.",
    security,
    request: { params: disputeId, headers: idempotencyHeader, body: jsonBody(appealBody) },
    responses: { 200: ok("The appealed dispute", disputeView), ...errors("not_found", "illegal_transition", "dispute_window_closed", "validation_failed", "idempotency_mismatch") },
  });
  registry.registerPath({
    method: "get",
    path: "/admin/disputes",
    summary: "The dispute queue (admins)",
    description: "Oldest first. Filters: `state`, `minAgeHours`, `overdue`, `customer` (workspace id, or part of its name or a member's email).",
    security,
    request: { query: adminDisputeQuery },
    responses: { 200: ok("One page of the queue", adminDisputePage), ...errors("forbidden", "validation_failed") },
  });
  const adminAction = (verb: string, summary: string, body: z.ZodType) =>
    registry.registerPath({
      method: "post",
      path: `/admin/disputes/{disputeId}/${verb}`,
      summary,
      description: decision,
      security,
      request: { params: disputeId, headers: idempotencyHeader, body: jsonBody(body) },
      responses: { 200: ok("The dispute after the action", disputeView), ...errors("forbidden", "not_found", "illegal_transition", "validation_failed", "idempotency_mismatch") },
    });
  adminAction("assign", "Assign a dispute (admins)", assignBody);
  adminAction("review", "Start reviewing a dispute (admins)", reviewBody);
  adminAction("resolve", "Resolve with a full or partial refund, or an explanation (admins; appeals: senior admins)", resolveBody);
  adminAction("reject", "Reject with a message (admins; appeals: senior admins)", rejectBody);
}
