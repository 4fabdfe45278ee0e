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

const TITLES: Record<ErrorCode, string> = {
  invalid_request: "Invalid request",
  unauthenticated: "Authentication required",
  insufficient_credits: "Insufficient credits",
  forbidden: "Forbidden",
  cross_site_request: "Cross-site request rejected",
  not_found: "Not found",
  conflict: "Conflict",
  idempotency_mismatch: "Idempotency key reused",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  balance_limit_exceeded: "Balance limit exceeded",
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

/** Maps any thrown value to a domain error; unknown errors become a generic 500 and are logged. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) return new DomainError("validation_failed", "Some fields are invalid", { fieldErrors: zodFieldErrors(error) });
  // Matched by name so this module (used by proxy.ts) does not load the Prisma client.
  if (error instanceof Error && error.name === "PrismaClientKnownRequestError" && "code" in error) {
    if (error.code === "P2002") return new DomainError("conflict", "A record with these values already exists");
    if (error.code === "P2025") return new DomainError("not_found", "Record not found");
  }
  console.error("Unhandled error", error);
  return new DomainError("internal_error", "Something went wrong on our side. Try again, or contact support.");
}

export function problemResponse(error: unknown): Response {
  const domain = toDomainError(error);
  const status = ERROR_STATUS[domain.code];
  const body: ProblemBody = {
    type: `https://docs.streamline.dev/errors#${domain.code}`,
    title: TITLES[domain.code],
    status,
    code: domain.code,
    detail: domain.message,
    ...(domain.details?.fieldErrors ? { errors: domain.details.fieldErrors } : {}),
  };
  const headers = new Headers({ "content-type": "application/problem+json" });
  if (domain.details?.retryAfterSeconds) headers.set("retry-after", String(domain.details.retryAfterSeconds));
  return new Response(JSON.stringify(body), { status, headers });
}
