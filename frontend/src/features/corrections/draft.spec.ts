import { describe, expect, it } from 'vitest'
import { emptyDraft, toFieldsInput, validateDraft, type KnownCodes } from '@/features/records/draft'

const known: KnownCodes = {
  infoTypes: new Set(['watch_list_case']),
  watchSituations: new Set(['s08']),
  violationDomains: new Set(),
  sanctionKinds: new Set(),
  monetarySanctions: new Set(),
}
const t = (key: string) => key

describe('the record form for a draft being corrected', () => {
  it('refuses a decision dated before what it decides, on the decision date', () => {
    const draft = {
      ...emptyDraft('7'),
      type: 'watch_list_case',
      situationCode: 's08',
      occurredOn: '2026-03-02',
      decisionNo: '沈公技防警〔2026〕1号',
      decisionDate: '2026-03-01',
      summary: '因服务受到用户投诉',
    }
    expect(validateDraft(draft, '2026-06-01', known, t)).toEqual([
      { field: 'decisionDate', message: 'recordEntry.check.decisionBeforeOccurrence' },
    ])
    expect(validateDraft({ ...draft, decisionDate: '2026-03-02' }, '2026-06-01', known, t)).toEqual([])
  })

  it('sends the same fields as a new record, without the subject (a record keeps its subject)', () => {
    const input = toFieldsInput({ ...emptyDraft('7'), type: 'watch_list_case', decisionNo: ' 沈公技防警〔2026〕1号 ' })
    expect(input).not.toHaveProperty('subjectId')
    expect(input).toMatchObject({ type: 'watch_list_case', decisionNo: '沈公技防警〔2026〕1号' })
  })
})
