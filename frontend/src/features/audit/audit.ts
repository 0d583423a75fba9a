import type { AuditEventFieldsFragment } from '@/gql/graphql'
import type { LocationQuery } from 'vue-router'

/** The objects the log can be filtered by (the audit trail's object types). */
export const AUDIT_OBJECT_TYPES = [
  'subject',
  'credit_record',
  'list_entry',
  'objection',
  'repair_application',
  'public_report',
  'user',
  'unit',
  'api_token',
  'policy',
] as const

// A type, not an interface: it is passed where a string-keyed record is expected (route query, export).
export type AuditFilters = {
  action: string
  objectType: string
  objectId: string
}

/** The filters live in the address (shareable, back-button safe): read them from it. */
export function filtersFromQuery(query: LocationQuery): AuditFilters {
  const q = (key: string) => (typeof query[key] === 'string' ? query[key] : '')
  return { action: q('action'), objectType: q('objectType'), objectId: q('objectId') }
}

/** …and write them to it: trimmed, the empty ones left out. */
export function queryFromFilters(form: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [k, v] of Object.entries(form)) if (v.trim()) query[k] = v.trim()
  return query
}

type Change = AuditEventFieldsFragment['changes'][number]

/** One changed field's values as a person reads them: 待审核 → 已公布. */
export function changeText(c: Pick<Change, 'before' | 'after'>): string {
  if (c.before !== null && c.before !== undefined && c.after !== null && c.after !== undefined) {
    return c.before === c.after ? c.after : `${c.before} → ${c.after}`
  }
  return c.after ?? c.before ?? '—'
}
