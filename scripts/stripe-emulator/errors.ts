/** Stripe's error types, as sent in `error.type`. */
export type StripeErrorType = "invalid_request_error" | "card_error" | "api_error" | "idempotency_error" | "authentication_error";

/** An error the emulator answers in Stripe's shape: `{"error":{"type","code","message","param"?,"decline_code"?}}`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    readonly code: string | undefined,
    message: string,
    readonly param?: string,
    readonly declineCode?: string,
  ) {
    super(message);
  }

  toBody() {
    return {
      error: {
        type: this.type,
        ...(this.code ? { code: this.code } : {}),
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
        ...(this.declineCode ? { decline_code: this.declineCode } : {}),
      },
    };
  }
}

export function invalidRequest(message: string, param?: string, code = "parameter_invalid") {
  return new StripeApiError(400, "invalid_request_error", code, message, param);
}

export function missingParam(param: string) {
  return new StripeApiError(400, "invalid_request_error", "parameter_missing", `Missing required param: ${param}.`, param);
}

export function resourceMissing(kind: string, id: string, param = "id") {
  return new StripeApiError(404, "invalid_request_error", "resource_missing", `No such ${kind}: '${id}'`, param);
}

export function cardError(code: string, declineCode: string | undefined, message: string) {
  return new StripeApiError(402, "card_error", code, message, undefined, declineCode);
}
