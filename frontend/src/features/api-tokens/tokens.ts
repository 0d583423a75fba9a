import type { FieldError } from '@/api/fieldErrors'
import type { TagType } from '@/shared/labels'

export type TokenState = 'revoked' | 'expired' | 'valid'

/** A token works until revoked or past its expiry (compared as moments, not as text). */
export function tokenState(token: { revokedAt?: string | null; expiresAt: string }, now: Date = new Date()): TokenState {
  if (token.revokedAt) return 'revoked'
  if (Date.parse(token.expiresAt) <= now.getTime()) return 'expired'
  return 'valid'
}

export const TOKEN_STATE_TAG: Record<TokenState, TagType> = { revoked: 'danger', expired: 'info', valid: 'success' }

/** The scopes' names joined for a table cell ('—' for none). */
export function scopeList(scopes: readonly string[], name: (scope: string) => string): string {
  return scopes.map(name).join('、') || '—'
}

/** What a new token must have before it is asked for: a name, a partner unit, an expiry. */
export function missingTokenFields(form: { name: string; unitCode: string; expiresAt: string }, message: string): FieldError[] {
  return (['name', 'unitCode', 'expiresAt'] as const).filter((f) => !String(form[f] ?? '').trim()).map((f) => ({ field: f, message }))
}
