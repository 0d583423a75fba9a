import type { FieldError } from '@/api/fieldErrors'
import { formFields } from '@/api/fieldErrors'
import type { CreditRecordCreateInput, RecordDetailFieldsFragment, RecordFieldsInput } from '@/gql/graphql'

/** The record-entry form's state: every value a string/boolean the inputs bind to. */
export interface SanctionDraft {
  kind: string
  amountYuan: string
}

export interface ViolationDraft {
  domain: string
  typeCode: string
  description: string
  sanctions: SanctionDraft[]
}

export interface RecordDraft {
  subjectId: string
  type: string
  situationCode: string
  inspectionPassed: boolean | null
  occurredOn: string
  summary: string
  decisionNo: string
  decisionDate: string
  issuingUnit: string
  legalBasis: string
  violations: ViolationDraft[]
  publicUntilOverride: string
  retentionUntilOverride: string
  providerPerson: string
  internalNote: string
}

export const WATCH_LIST_CASE = 'watch_list_case'
export const INSPECTION = 'inspection'

export function emptyDraft(subjectId = ''): RecordDraft {
  return {
    subjectId,
    type: '',
    situationCode: '',
    inspectionPassed: null,
    occurredOn: '',
    summary: '',
    decisionNo: '',
    decisionDate: '',
    issuingUnit: '',
    legalBasis: '',
    violations: [],
    publicUntilOverride: '',
    retentionUntilOverride: '',
    providerPerson: '',
    internalNote: '',
  }
}

export const emptyViolation = (): ViolationDraft => ({ domain: '', typeCode: '', description: '', sanctions: [emptySanction()] })
export const emptySanction = (): SanctionDraft => ({ kind: '', amountYuan: '' })

/** The form items of the record form, by their server field path (see api/fieldErrors). */
export const knowsRecordField = formFields(
  [
    'subjectId',
    'type',
    'situationCode',
    'inspectionPassed',
    'occurredOn',
    'summary',
    'decisionNo',
    'decisionDate',
    'issuingUnit',
    'legalBasis',
    'violations',
    'publicUntilOverride',
    'retentionUntilOverride',
    'providerPerson',
    'internalNote',
  ],
  [/^violations\.\d+\.(domain|typeCode|description|sanctions)$/, /^violations\.\d+\.sanctions\.\d+\.(kind|amountYuan)$/],
)

const orNull = (value: string) => (value.trim() ? value.trim() : null)
const AMOUNT = /^\d+(\.\d{1,2})?$/

/** The mutation input: fields that do not apply to the chosen type are not sent. */
export function toCreateInput(d: RecordDraft): CreditRecordCreateInput {
  return {
    subjectId: d.subjectId,
    type: d.type,
    occurredOn: d.occurredOn,
    summary: d.summary.trim(),
    situationCode: d.type === WATCH_LIST_CASE ? orNull(d.situationCode) : null,
    inspectionPassed: d.type === INSPECTION ? d.inspectionPassed : null,
    decisionNo: orNull(d.decisionNo),
    decisionDate: orNull(d.decisionDate),
    issuingUnit: d.issuingUnit.trim(),
    legalBasis: d.legalBasis.trim(),
    violations: d.violations.map((v) => ({
      domain: v.domain,
      typeCode: v.typeCode.trim(),
      description: v.description.trim(),
      sanctions: v.sanctions.map((s) => ({ kind: s.kind, amountYuan: s.amountYuan.trim() || '0' })),
    })),
    publicUntilOverride: orNull(d.publicUntilOverride),
    retentionUntilOverride: orNull(d.retentionUntilOverride),
    providerPerson: d.providerPerson.trim(),
    internalNote: d.internalNote.trim(),
  }
}

/** The update's input: the same fields, the subject aside (a record keeps its subject). */
export function toFieldsInput(d: RecordDraft): RecordFieldsInput {
  const { subjectId: _subject, ...fields } = toCreateInput(d)
  return fields
}

/** A stored record as the form's draft (for editing it). */
export function fromRecord(r: RecordDetailFieldsFragment, violations: ViolationDraft[]): RecordDraft {
  return {
    subjectId: String(r.subjectId),
    type: r.type,
    situationCode: r.situationCode ?? '',
    inspectionPassed: r.inspectionPassed ?? null,
    occurredOn: r.occurredOn,
    summary: r.summary,
    decisionNo: r.decisionNo ?? '',
    decisionDate: r.decisionDate ?? '',
    issuingUnit: r.issuingUnit,
    legalBasis: r.legalBasis,
    violations,
    publicUntilOverride: r.publicUntilOverride ?? '',
    retentionUntilOverride: r.retentionUntilOverride ?? '',
    providerPerson: r.providerPerson ?? '',
    internalNote: r.internalNote ?? '',
  }
}

export interface KnownCodes {
  infoTypes: ReadonlySet<string>
  watchSituations: ReadonlySet<string>
  violationDomains: ReadonlySet<string>
  sanctionKinds: ReadonlySet<string>
  monetarySanctions: ReadonlySet<string>
}

type Translate = (key: string) => string

/**
 * The server's checks (records/services.py validate_record_input), run before sending so
 * that every mistake is shown at once, on its field, with the same field paths the server
 * uses. The server checks again: its errors land on the same fields.
 */
export function validateDraft(d: RecordDraft, today: string, known: KnownCodes, t: Translate): FieldError[] {
  const errors: FieldError[] = []
  const add = (field: string, key: string) => errors.push({ field, message: t(`recordEntry.check.${key}`) })

  if (!d.subjectId) add('subjectId', 'subjectRequired')
  if (!known.infoTypes.has(d.type)) add('type', 'typeRequired')
  if (!d.occurredOn) add('occurredOn', 'occurredOnRequired')
  else if (d.occurredOn > today) add('occurredOn', 'occurredFuture')
  if (d.type === WATCH_LIST_CASE && !known.watchSituations.has(d.situationCode)) add('situationCode', 'situationRequired')
  if (d.type === INSPECTION && d.inspectionPassed === null) add('inspectionPassed', 'inspectionRequired')
  if (d.decisionDate) {
    if (d.decisionDate > today) add('decisionDate', 'decisionFuture')
    if (d.occurredOn && d.decisionDate < d.occurredOn) add('decisionDate', 'decisionBeforeOccurrence')
    if (!d.decisionNo.trim()) add('decisionNo', 'decisionNoRequired')
  }
  if (d.violations.length > 0 && !(d.decisionNo.trim() && d.decisionDate)) add('violations', 'violationsNeedDecision')
  d.violations.forEach((v, i) => {
    const at = `violations[${i}]`
    if (!known.violationDomains.has(v.domain)) add(`${at}.domain`, 'domainRequired')
    if (!v.typeCode.trim()) add(`${at}.typeCode`, 'typeCodeRequired')
    if (v.sanctions.length === 0) add(`${at}.sanctions`, 'sanctionsRequired')
    v.sanctions.forEach((s, j) => {
      const sat = `${at}.sanctions[${j}]`
      if (!known.sanctionKinds.has(s.kind)) add(`${sat}.kind`, 'kindRequired')
      const amount = s.amountYuan.trim()
      if (known.monetarySanctions.has(s.kind)) {
        if (!amount) add(`${sat}.amountYuan`, 'amountRequired')
        else if (!AMOUNT.test(amount)) add(`${sat}.amountYuan`, 'amountInvalid')
      } else if (amount && Number(amount) !== 0) {
        add(`${sat}.amountYuan`, 'amountNotMonetary')
      }
    })
  })
  if (!d.summary.trim()) add('summary', 'summaryRequired')
  return errors
}
