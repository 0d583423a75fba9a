/**
 * The one place that turns an error into words for a person. Components branch on
 * `ApiError.code` (the server's `extensions.code`), never on a message.
 */

export const API_ERROR_CODES = [
  'INVALID_USCC',
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'CSRF_FAILED',
  'INTERNAL_ERROR',
  'NETWORK',
  'UNKNOWN',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
] as const

export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export function isKnownCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value)
}

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly extensions: Record<string, unknown>
  readonly path?: ReadonlyArray<string | number>

  constructor(
    code: ApiErrorCode,
    message: string,
    options: { extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'ApiError'
    this.code = code
    this.extensions = options.extensions ?? {}
    this.path = options.path
  }
}

export function codeFromHttpStatus(status: number): ApiErrorCode | undefined {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'PERMISSION_DENIED'
  if (status === 404) return 'NOT_FOUND'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 503) return 'SERVICE_UNAVAILABLE'
  if (status >= 500) return 'INTERNAL_ERROR'
  return undefined
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('UNKNOWN', error instanceof Error ? error.message : String(error), { cause: error })
}

/** i18n key of the message for an error code: `errors.<CODE>`. */
export function errorMessageKey(code: ApiErrorCode): `errors.${ApiErrorCode}` {
  return `errors.${code}`
}

type Translate = (key: string) => string

/** The message to show for any thrown value, in the current language. */
export function describeError(error: unknown, t: Translate): string {
  return t(errorMessageKey(toApiError(error).code))
}
