import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import type { CaseRecordFieldsFragment } from '@/gql/graphql'
import { REPAIR_FILING_PAGE } from './filing'
import { REPAIR_FILTERS, REPAIR_STATUS_TAG } from './repair'

const t = createAppI18n('zh-CN').global.t as (key: string) => string
const record = (status: string, category: string) => ({ status, category }) as CaseRecordFieldsFragment

describe('repair applications', () => {
  it('concern only published bad information: hints and warnings', () => {
    expect(REPAIR_FILING_PAGE.keep(record('PUBLISHED', 'HINT'))).toBe(true)
    expect(REPAIR_FILING_PAGE.keep(record('PUBLISHED', 'WARNING'))).toBe(true)
    expect(REPAIR_FILING_PAGE.keep(record('PUBLISHED', 'GOOD'))).toBe(false)
    expect(REPAIR_FILING_PAGE.keep(record('PUBLISHED', 'BASIC'))).toBe(false)
    expect(REPAIR_FILING_PAGE.keep(record('REPAIRED', 'WARNING'))).toBe(false)
  })

  it('the queue opens on the filed ones and ends with all', () => {
    expect(REPAIR_FILTERS[0]).toBe('FILED')
    expect(REPAIR_FILTERS.at(-1)).toBe('ALL')
  })

  it('every status has a colour and its words', () => {
    for (const s of REPAIR_FILTERS.filter((f) => f !== 'ALL')) {
      expect(REPAIR_STATUS_TAG[s as keyof typeof REPAIR_STATUS_TAG]).toBeTruthy()
      expect(t(`repairs.status.${s}`)).not.toContain('repairs.status')
    }
  })

  it('the filing page has all its words', () => {
    const { texts, done } = REPAIR_FILING_PAGE
    for (const key of ['titleOnline', 'titlePaper', 'leadOnline', 'leadPaper', 'toList', 'again']) expect(t(`${texts}.${key}`)).not.toContain(texts)
    expect(t(done.title)).not.toBe(done.title)
    expect(t(done.detail)).not.toBe(done.detail)
  })
})
