import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { Kind, print, visit, type DocumentNode } from 'graphql'
import { ApiError, codeFromHttpStatus, isKnownCode, type ErrorCode } from './errors'

export const GRAPHQL_ENDPOINT = '/graphql'

interface GraphQLErrorPayload {
  message: string
  path?: ReadonlyArray<string | number>
  extensions?: Record<string, unknown>
}

interface GraphQLResponse<TResult> {
  data?: TResult | null
  errors?: GraphQLErrorPayload[]
}

export interface RequestOptions {
  signal?: AbortSignal
}

/**
 * Hooks set once by the session (src/auth): the CSRF token every request carries once
 * signed in, and a listener told of every failed request (to end an expired session).
 */
let csrfToken: () => string | null = () => null
let errorListener: ((error: ApiError) => void) | undefined

export function setCsrfTokenSource(source: () => string | null): void {
  csrfToken = source
}

export function onApiError(listener: ((error: ApiError) => void) | undefined): void {
  errorListener = listener
}

// Printing is done once per document object: operations are module-level constants.
const printed = new WeakMap<object, string>()

// Directives only codegen reads (`@unmask`: src/api/payloadErrors.ts); the server would
// refuse them as unknown.
const CLIENT_DIRECTIVES = new Set(['unmask'])

function withoutClientDirectives(document: DocumentNode): DocumentNode {
  return visit(document, {
    [Kind.DIRECTIVE]: (node) => (CLIENT_DIRECTIVES.has(node.name.value) ? null : undefined),
  })
}

function queryText(document: TypedDocumentNode<unknown, unknown>): string {
  let text = printed.get(document)
  if (text === undefined) {
    text = print(withoutClientDirectives(document))
    printed.set(document, text)
  }
  return text
}

function operationName(document: TypedDocumentNode<unknown, unknown>): string | undefined {
  for (const def of document.definitions) {
    if (def.kind === 'OperationDefinition') return def.name?.value
  }
  return undefined
}

function errorFromPayload(error: GraphQLErrorPayload, status: number): ApiError {
  const raw = error.extensions?.['code']
  const code: ErrorCode = isKnownCode(raw) ? raw : (codeFromHttpStatus(status) ?? 'UNKNOWN')
  return new ApiError(code, error.message, { extensions: error.extensions, path: error.path })
}

/**
 * POST one operation to /graphql (same origin, session cookie included).
 * Resolves with `data`; any GraphQL error, HTTP failure or network failure rejects with
 * an ApiError whose `code` is the server's `extensions.code` (or NETWORK / UNKNOWN).
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  try {
    return await send(document, variables, options)
  } catch (error) {
    if (error instanceof ApiError) errorListener?.(error)
    throw error
  }
}

async function send<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables | undefined,
  options: RequestOptions,
): Promise<TResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' }
  const csrf = csrfToken()
  if (csrf) headers['X-CSRF-Token'] = csrf
  let response: Response
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'include',
      headers,
      body: JSON.stringify({
        query: queryText(document as TypedDocumentNode<unknown, unknown>),
        operationName: operationName(document as TypedDocumentNode<unknown, unknown>),
        variables: variables ?? {},
      }),
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError('NETWORK', String(cause), { cause })
  }

  let body: GraphQLResponse<TResult> | undefined
  try {
    body = (await response.json()) as GraphQLResponse<TResult>
  } catch (cause) {
    throw new ApiError(codeFromHttpStatus(response.status) ?? 'NETWORK', `HTTP ${response.status}`, { cause })
  }

  const first = body.errors?.[0]
  if (first) throw errorFromPayload(first, response.status)
  if (!response.ok || body.data == null) {
    throw new ApiError(codeFromHttpStatus(response.status) ?? 'UNKNOWN', `HTTP ${response.status}`)
  }
  return body.data
}
