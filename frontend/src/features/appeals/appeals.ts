import type { AppealKind, AppealOutcome } from '@/gql/graphql'

/** One entry of `Decision.appeals` (JSON, snake_case, as the server stores it). */
export interface AppealEntry {
  index: number
  kind: AppealKind
  filedOn: string
  authority: string
  caseNo: string
  outcome: AppealOutcome
  decidedOn: string | null
  note: string
}

const KINDS: Record<string, AppealKind> = { reconsideration: 'RECONSIDERATION', litigation: 'LITIGATION' }
const OUTCOMES: Record<string, AppealOutcome> = {
  pending: 'PENDING',
  upheld: 'UPHELD',
  revoked: 'REVOKED',
  modified: 'MODIFIED',
  confirmed_unlawful: 'CONFIRMED_UNLAWFUL',
  withdrawn: 'WITHDRAWN',
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The decision's appeals, read defensively (an unknown shape yields nothing). */
export function readAppeals(json: unknown): AppealEntry[] {
  if (!Array.isArray(json)) return []
  return json.flatMap((raw: unknown, index) => {
    if (!raw || typeof raw !== 'object') return []
    const e = raw as Record<string, unknown>
    const kind = KINDS[text(e['kind']).toLowerCase()]
    if (!kind) return []
    return [
      {
        index,
        kind,
        filedOn: text(e['filed_on']),
        authority: text(e['authority']),
        caseNo: text(e['case_no']),
        outcome: OUTCOMES[text(e['outcome']).toLowerCase()] ?? 'PENDING',
        decidedOn: text(e['decided_on']) || null,
        note: text(e['note']),
      },
    ]
  })
}
