import type { FieldError } from '@/api/fieldErrors'
import type { CaseRecordFieldsFragment, EvidenceFileInput, ListKind } from '@/gql/graphql'
import type { Topic } from '@/shared/invalidation'
import { evidenceErrors, withEvidence } from './checks'

type Translate = (key: string, params?: Record<string, unknown>) => string

/**
 * An application against published records of one subject, filed online by the subject's
 * enterprise account or entered from paper by staff: an objection (第十四条) states its
 * reasons, a repair application (第十五条) the rectification. What differs between the two
 * is a `FilingKind`; the page, the form and their checks are shared.
 */
export interface FilingDraft {
  recordIds: string[]
  listKind: ListKind | ''
  /** The reasons of an objection, the rectification of a repair application. */
  statement: string
  applicantName: string
  receivedOn: string
}

/** What the form sends, before each kind names it for its mutation's input. */
export interface FilingInput {
  subjectId: string
  recordIds: string[]
  statement: string
  listKind: ListKind | null
  evidence: EvidenceFileInput[]
  applicantName: string
  receivedOn: string | null
}

export interface FilingResult {
  errors: ReadonlyArray<FieldError>
  /** The id of the application filed; none when it was refused. */
  filedId: string | null | undefined
}

export interface FilingKind {
  /** Prefix of the form's data-test attributes (`objection-submit`, `repair-form`, …). */
  test: string
  /** The lists an application may ask about (a repair cannot concern the red list). */
  lists: readonly ListKind[]
  /** The statement's field in the mutation's input, as the server names its errors. */
  statementField: string
  /** Message keys: the statement's label, placeholder and required message; the submit button. */
  statementLabel: string
  statementPlaceholder: string
  statementRequired: string
  submit: string
  /** The label of the day a written application was received, for a kind that records it. */
  receivedOnLabel?: string
  send: (input: FilingInput) => Promise<FilingResult>
}

/** The filing page around the form: which records may be chosen, its texts, where to go next. */
export interface FilingPage {
  kind: FilingKind
  keep: (record: CaseRecordFieldsFragment) => boolean
  /** Message keys prefix holding titleOnline, titlePaper, leadOnline, leadPaper, toList, again. */
  texts: string
  /** Message keys of the result: its title (with `{id}`) and detail. */
  done: { title: string; detail: string }
  /** data-test of the result and of its "another" button. */
  doneTest: string
  againTest: string
  /** The staff's queue, and the topic its views reload on. */
  listRoute: string
  topic: Topic
}

export function blankFiling(today: string): FilingDraft {
  return { recordIds: [], listKind: '', statement: '', applicantName: '', receivedOn: today }
}

/** The fields the form shows errors on; anything else is shown above it. */
export function filingFields(kind: FilingKind): (path: string) => boolean {
  const names = ['subjectId', 'recordIds', 'listKind', kind.statementField, 'applicantName']
  return withEvidence(kind.receivedOnLabel ? [...names, 'receivedOn'] : names)
}

/** The checks made before sending, named as the server names its errors. */
export function filingProblems(draft: FilingDraft, files: readonly File[], kind: FilingKind, paper: boolean, t: Translate): FieldError[] {
  return [
    ...(draft.recordIds.length ? [] : [{ field: 'recordIds', message: t('casework.records.required') }]),
    ...(draft.statement.trim() ? [] : [{ field: kind.statementField, message: t(kind.statementRequired) }]),
    ...(paper && kind.receivedOnLabel && !draft.receivedOn ? [{ field: 'receivedOn', message: t('common.required') }] : []),
    ...evidenceErrors(files, t),
  ]
}

/** The input sent: the applicant and the day received belong to a written application only. */
export function filingInput(subjectId: string, draft: FilingDraft, evidence: EvidenceFileInput[], paper: boolean): FilingInput {
  return {
    subjectId,
    recordIds: draft.recordIds,
    statement: draft.statement.trim(),
    listKind: draft.listKind || null,
    evidence,
    applicantName: paper ? draft.applicantName.trim() : '',
    receivedOn: paper ? draft.receivedOn : null,
  }
}
