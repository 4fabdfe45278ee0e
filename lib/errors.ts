// Domain errors: a stable code, a message for people, optional details. Mapped to HTTP in one
// place (lib/http/problem.ts); the same table documents error responses in the OpenAPI document.

export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_signature: 400,
  unauthenticated: 401,
  insufficient_credits: 402,
  forbidden: 403,
  cross_site_request: 403,
  self_approval: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  dispute_exists: 409,
  idempotency_mismatch: 409,
  hold_not_active: 409,
  hold_expired: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  balance_limit_exceeded: 422,
  exceeds_hold: 422,
  dispute_window_closed: 422,
  wallet_paused: 423,
  rate_limited: 429,
  internal_error: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } & Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have access to this resource") => new DomainError("forbidden", message);
export const conflict = (message: string) => new DomainError("conflict", message);
export const unauthenticated = () => new DomainError("unauthenticated", "Sign in to continue");
export const rateLimited = (retryAfterSeconds: number) =>
  new DomainError("rate_limited", `Too many requests; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
