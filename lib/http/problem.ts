// The only place that turns errors into HTTP responses (RFC 9457 problem details).
import { ZodError } from "zod";
import { DomainError, ERROR_STATUS, type ErrorCode, type FieldErrors } from "@/lib/errors";

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: FieldErrors;
};

export const ERROR_TITLES: Record<ErrorCode, string> = {
  invalid_request: "Invalid request",
  invalid_signature: "Invalid signature",
  unauthenticated: "Authentication required",
  insufficient_credits: "Insufficient credits",
  forbidden: "Forbidden",
  cross_site_request: "Cross-site request rejected",
  self_approval: "A second admin must approve this",
  not_found: "Not found",
  conflict: "Conflict",
  illegal_transition: "Illegal transition",
  dispute_exists: "Dispute already open",
  idempotency_mismatch: "Idempotency key reused",
  hold_not_active: "Hold no longer active",
  hold_expired: "Hold expired",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  balance_limit_exceeded: "Balance limit exceeded",
  exceeds_hold: "Settlement exceeds the hold",
  dispute_window_closed: "Dispute window closed",
  wallet_paused: "Wallet paused",
  rate_limited: "Too many requests",
  internal_error: "Internal error",
};

export function zodFieldErrors(error: ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

const DUPLICATE = () => new DomainError("conflict", "A record with these values already exists");
const DANGLING = () => new DomainError("conflict", "This refers to a record that does not exist, or is still in use");
const INVALID_VALUE = () => new DomainError("validation_failed", "A value is out of range or not allowed");

// Prisma's own codes for what the database refused (https://www.prisma.io/docs/orm/reference/error-reference).
const PRISMA_ERRORS: Record<string, () => DomainError> = {
  P2000: INVALID_VALUE,
  P2002: DUPLICATE,
  P2003: DANGLING,
  P2004: INVALID_VALUE,
  P2007: INVALID_VALUE,
  P2020: INVALID_VALUE,
  P2025: () => new DomainError("not_found", "Record not found"),
};

/** PostgreSQL's SQLSTATE, from node-postgres (`code`) or from Prisma's driver-adapter error. */
function sqlState(error: Error): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? (error as { code?: unknown }).code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * What the database refused because of the request's values is the client's problem, never a
 * 500: a unique or foreign-key violation is a conflict, any other constraint (class 23) or data
 * exception (class 22: out of range, bad encoding, malformed value) is invalid input.
 */
function fromDatabase(error: Error): DomainError | undefined {
  const state = sqlState(error);
  if (state === "23505") return DUPLICATE();
  if (state === "23503") return DANGLING();
  if (state?.startsWith("23") || state?.startsWith("22")) return INVALID_VALUE();
  // Matched by name so this module (used by proxy.ts) does not load the Prisma client.
  if (error.name === "PrismaClientKnownRequestError" && "code" in error) return PRISMA_ERRORS[String(error.code)]?.();
  return undefined;
}

/** Maps any thrown value to a domain error; unknown errors become a generic 500 and are logged. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) return new DomainError("validation_failed", "Some fields are invalid", { fieldErrors: zodFieldErrors(error) });
  const refused = error instanceof Error ? fromDatabase(error) : undefined;
  if (refused) return refused;
  console.error("Unhandled error", error);
  return new DomainError("internal_error", "Something went wrong on our side. Try again, or contact support.");
}

/** The core of a problem: what one refused event of a batch carries, and every problem body starts with. */
export function problemDetails(domain: DomainError): Pick<ProblemBody, "status" | "code" | "title" | "detail"> {
  return { status: ERROR_STATUS[domain.code], code: domain.code, title: ERROR_TITLES[domain.code], detail: domain.message };
}

export function problemResponse(error: unknown): Response {
  const domain = toDomainError(error);
  const { status, code, title, detail } = problemDetails(domain);
  const body: ProblemBody = {
    type: `https://docs.streamline.dev/errors#${code}`,
    title,
    status,
    code,
    detail,
    ...(domain.details?.fieldErrors ? { errors: domain.details.fieldErrors } : {}),
  };
  const headers = new Headers({ "content-type": "application/problem+json" });
  if (domain.details?.retryAfterSeconds) headers.set("retry-after", String(domain.details.retryAfterSeconds));
  return new Response(JSON.stringify(body), { status, headers });
}
