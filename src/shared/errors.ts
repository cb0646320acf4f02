/** The error shape both transports carry, and the class callers catch. No dependencies. */

export const ERROR_CODES = [
  'invalid_argument',
  'unknown_method',
  'not_found',
  'library_error',
  'unauthorized',
  'forbidden',
  'too_large',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiErrorShape {
  code: ErrorCode
  message: string
  /** Dotted path of the offending argument field, for invalid_argument. */
  field?: string
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape }

export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
  toJSON(): ApiErrorShape {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message }
  }
}
