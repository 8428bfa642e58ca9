// The errors an API call can answer with. Codes are stable (the UI and scripts branch on them);
// messages are for people.
export const apiErrorCodes = [
  'invalid_input',
  'unknown_method',
  'malformed_message',
  'unauthorized',
  'unauthenticated',
  'forbidden',
  'not_found',
  /** The request is well formed but the state does not allow it now (already approved, nothing to undo…). */
  'conflict',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiErrorIssue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  issues?: ApiErrorIssue[];
}

/** Thrown by services and transports; crosses every transport as an `ApiErrorBody`. */
export class ApiError extends Error implements ApiErrorBody {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorIssue[],
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromBody(body: unknown): ApiError {
    if (typeof body === 'object' && body !== null && 'code' in body && 'message' in body) {
      const { code, message, issues } = body as ApiErrorBody;
      const known = (apiErrorCodes as readonly string[]).includes(code) ? code : 'internal';
      return new ApiError(known, String(message), Array.isArray(issues) ? issues : undefined);
    }
    return new ApiError('internal', typeof body === 'string' ? body : 'unknown error');
  }
}
