import type { FieldError } from '@/api/fieldErrors'
import type { ReportOutcome, ReportRecordInput, ReportStatus } from '@/gql/graphql'
import type { TagType } from '@/shared/labels'

/** The queue's filter: the open reports (the default), each status, or all. */
export type ReportFilter = ReportStatus | 'OPEN' | 'ALL'
export const REPORT_FILTERS: readonly ReportFilter[] = ['OPEN', 'RECEIVED', 'TRIAGED', 'INVESTIGATING', 'CLOSED', 'ALL']

/** Open = not yet closed: received, triaged, or under investigation. */
export function reportStatuses(filter: ReportFilter): ReportStatus[] | null {
  if (filter === 'ALL') return null
  if (filter === 'OPEN') return ['RECEIVED', 'TRIAGED', 'INVESTIGATING']
  return [filter]
}

export const REPORT_STATUS_TAG: Record<ReportStatus, TagType> = { RECEIVED: 'warning', TRIAGED: 'primary', INVESTIGATING: 'primary', CLOSED: 'info' }
export const REPORT_OUTCOME_TAG: Record<ReportOutcome, TagType> = { SUBSTANTIATED: 'danger', UNSUBSTANTIATED: 'success', DISMISSED: 'info' }

/** The fields of a draft record opened from a substantiated report. */
export const RECORD_FIELDS = ['type', 'occurredOn', 'summary', 'situationCode', 'decisionNo', 'decisionDate', 'issuingUnit', 'legalBasis', 'providerPerson', 'internalNote'] as const
export type RecordForm = Record<(typeof RECORD_FIELDS)[number], string>

export function blankRecordForm(): RecordForm {
  return Object.fromEntries(RECORD_FIELDS.map((f) => [f, ''])) as RecordForm
}

/** A draft needs its type, the day it happened and what happened; the rest may follow in review. */
export function recordProblems(form: RecordForm, message: string): FieldError[] {
  return (['type', 'occurredOn', 'summary'] as const).filter((f) => !form[f].trim()).map((f) => ({ field: f, message }))
}

/** Trimmed; a situation only for a watch-list case, blanks as null where the server wants none. */
export function recordOpenInput(form: RecordForm): ReportRecordInput {
  return {
    type: form.type,
    occurredOn: form.occurredOn,
    summary: form.summary.trim(),
    situationCode: form.type === 'watch_list_case' ? form.situationCode || null : null,
    decisionNo: form.decisionNo.trim() || null,
    decisionDate: form.decisionDate || null,
    issuingUnit: form.issuingUnit.trim(),
    legalBasis: form.legalBasis.trim(),
    providerPerson: form.providerPerson.trim(),
    internalNote: form.internalNote.trim(),
  }
}

/** Only the bad-information types (hints, warnings), and of those only the subject's policy's when known. */
export function recordOpenTypes<T extends { code: string; group?: string | null }>(infoTypes: readonly T[], known: ReadonlySet<string> | undefined): T[] {
  return infoTypes.filter((i) => /^(hint|warning)$/i.test(i.group ?? '') && (!known || known.has(i.code)))
}
