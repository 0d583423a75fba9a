/**
 * The one place that turns an error into words for a person. Components branch on
 * `ApiError.code` (the server's `extensions.code`), never on a message. The server's codes
 * are the schema's ApiErrorCode (src/gql/error-codes.ts, generated from schema.graphql);
 * their messages are the i18n catalogue's `errors`, typed by `ErrorCode` so that a code
 * without a message does not compile.
 */
import { API_ERROR_CODES, type ApiErrorCode } from '@/gql/error-codes'

/** Codes the client makes up itself: no answer it could read came back. */
export const CLIENT_ERROR_CODES = ['NETWORK', 'UNKNOWN'] as const
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number]

/** Every code an ApiError carries: the server's and the client's. */
export type ErrorCode = ApiErrorCode | ClientErrorCode
export const ERROR_CODES: readonly ErrorCode[] = [...API_ERROR_CODES, ...CLIENT_ERROR_CODES]

export function isKnownCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly extensions: Record<string, unknown>
  readonly path?: ReadonlyArray<string | number>

  constructor(
    code: ErrorCode,
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

export function codeFromHttpStatus(status: number): ErrorCode | undefined {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'PERMISSION_DENIED'
  if (status === 404) return 'NOT_FOUND'
  if (status === 429) return 'RATE_LIMITED'
  if (status === 503) return 'SERVICE_UNAVAILABLE'
  if (status === 504) return 'TIMEOUT'
  if (status >= 500) return 'INTERNAL_ERROR'
  return undefined
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('UNKNOWN', error instanceof Error ? error.message : String(error), { cause: error })
}

/** i18n key of the message for an error code: `errors.<CODE>`. */
export function errorMessageKey(code: ErrorCode): `errors.${ErrorCode}` {
  return `errors.${code}`
}

type Translate = (key: string) => string

/** The message to show for any thrown value, in the current language. */
export function describeError(error: unknown, t: Translate): string {
  return t(errorMessageKey(toApiError(error).code))
}
