import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { blankRecordForm, REPORT_FILTERS, recordOpenInput, recordOpenTypes, recordProblems, reportStatuses } from './report'

describe('report queue filter', () => {
  it('open means not yet closed', () => {
    expect(reportStatuses('OPEN')).toEqual(['RECEIVED', 'TRIAGED', 'INVESTIGATING'])
    expect(reportStatuses('CLOSED')).toEqual(['CLOSED'])
    expect(reportStatuses('ALL')).toBeNull()
  })

  it('every filter button has its words', () => {
    const t = createAppI18n('zh-CN').global.t as (key: string) => string
    for (const f of REPORT_FILTERS) expect(t(`reports.filter.${f}`)).not.toContain('reports.filter')
  })
})

describe('record opened from a report', () => {
  const form = { ...blankRecordForm(), type: 'watch_list_case', occurredOn: '2026-02-01', summary: ' 未备案安装 ', situationCode: 'S01' }

  it('needs the type, the day and the summary', () => {
    expect(recordProblems(blankRecordForm(), '必填').map((p) => p.field)).toEqual(['type', 'occurredOn', 'summary'])
    expect(recordProblems({ ...form, summary: '  ' }, '必填').map((p) => p.field)).toEqual(['summary'])
    expect(recordProblems(form, '必填')).toEqual([])
  })

  it('sends a situation only with a watch-list case, and blanks as null where the server wants none', () => {
    expect(recordOpenInput(form)).toMatchObject({ summary: '未备案安装', situationCode: 'S01', decisionNo: null, decisionDate: null, issuingUnit: '' })
    expect(recordOpenInput({ ...form, type: 'warning_letter' }).situationCode).toBeNull()
    expect(recordOpenInput({ ...form, situationCode: '' }).situationCode).toBeNull()
    expect(recordOpenInput({ ...form, decisionNo: ' 沈公〔2026〕3号 ' }).decisionNo).toBe('沈公〔2026〕3号')
  })

  it('offers only hints and warnings, and of those the policy’s own when known', () => {
    const types = [
      { code: 'watch_list_case', group: 'WARNING' },
      { code: 'late_filing', group: 'hint' },
      { code: 'award', group: 'good' },
      { code: 'licence', group: null },
      { code: 'wugang_only', group: 'warning' },
    ]
    expect(recordOpenTypes(types, undefined).map((t) => t.code)).toEqual(['watch_list_case', 'late_filing', 'wugang_only'])
    expect(recordOpenTypes(types, new Set(['watch_list_case', 'late_filing', 'award'])).map((t) => t.code)).toEqual(['watch_list_case', 'late_filing'])
  })
})
