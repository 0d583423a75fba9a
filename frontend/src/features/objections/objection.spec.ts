import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import type { CaseRecordFieldsFragment } from '@/gql/graphql'
import { OBJECTION_FILING_PAGE } from './filing'
import { isOpenObjection, OBJECTION_STATUS_TAG, OBJECTION_STATUSES } from './objection'

const t = createAppI18n('zh-CN').global.t as (key: string) => string
const record = (status: string, category = 'WARNING') => ({ status, category }) as CaseRecordFieldsFragment

describe('objections', () => {
  it('are open while filed or accepted (withdrawable, with a deadline shown)', () => {
    expect(OBJECTION_STATUSES.filter(isOpenObjection)).toEqual(['FILED', 'ACCEPTED'])
  })

  it('every status has a colour and its words in the filter', () => {
    for (const s of OBJECTION_STATUSES) {
      expect(OBJECTION_STATUS_TAG[s]).toBeTruthy()
      expect(t(`objections.status.${s}`)).not.toContain('objections.status')
    }
  })

  it('may be filed about any published record, of any category', () => {
    expect(OBJECTION_FILING_PAGE.keep(record('PUBLISHED', 'GOOD'))).toBe(true)
    expect(OBJECTION_FILING_PAGE.keep(record('PUBLISHED', 'BASIC'))).toBe(true)
    expect(OBJECTION_FILING_PAGE.keep(record('REVOKED'))).toBe(false)
    expect(OBJECTION_FILING_PAGE.keep(record('SUBMITTED'))).toBe(false)
  })

  it('the filing page has all its words', () => {
    const { texts, done } = OBJECTION_FILING_PAGE
    for (const key of ['titleOnline', 'titlePaper', 'leadOnline', 'leadPaper', 'toList', 'again']) expect(t(`${texts}.${key}`)).not.toContain(texts)
    expect(t(done.title)).not.toBe(done.title)
    expect(t(done.detail)).not.toBe(done.detail)
  })
})
