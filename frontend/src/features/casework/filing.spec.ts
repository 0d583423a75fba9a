import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { OBJECTION_FILING, objectionFileInput } from '@/features/objections/filing'
import { REPAIR_FILING, repairApplyInput } from '@/features/repairs/filing'
import { evidenceErrors, evidenceMessage, withEvidence } from './checks'
import { evidenceContentType, evidenceProblem, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, formatBytes } from './evidence'
import { blankFiling, filingFields, filingInput, filingProblems, type FilingDraft } from './filing'
import { statusParam, statusVariable } from './queue'

const t = createAppI18n('zh-CN').global.t as (key: string, params?: Record<string, unknown>) => string
const draft = (d: Partial<FilingDraft> = {}): FilingDraft => ({ ...blankFiling('2026-03-02'), ...d })
const pdf = (name = 'a.pdf', size = 100) => new File([new Uint8Array(size)], name)

describe('filing checks', () => {
  it('a blank application asks for records and the statement, each on its own field', () => {
    const problems = filingProblems(draft(), [], OBJECTION_FILING, false, t)
    expect(problems).toEqual([
      { field: 'recordIds', message: t('casework.records.required') },
      { field: 'reasons', message: t('objections.form.reasonsRequired') },
    ])
    const repair = filingProblems(draft(), [], REPAIR_FILING, false, t)
    expect(repair.map((p) => p.field)).toEqual(['recordIds', 'rectification'])
    expect(repair[1]?.message).toBe(t('repairs.form.rectificationRequired'))
  })

  it('a statement of blanks only is no statement', () => {
    const problems = filingProblems(draft({ recordIds: ['7'], statement: '  \n ' }), [], REPAIR_FILING, false, t)
    expect(problems.map((p) => p.field)).toEqual(['rectification'])
  })

  it('a written objection needs the day it was received; an online one and a repair do not', () => {
    const filled = draft({ recordIds: ['7'], statement: '冒用名义', receivedOn: '' })
    expect(filingProblems(filled, [], OBJECTION_FILING, true, t)).toEqual([{ field: 'receivedOn', message: t('common.required') }])
    expect(filingProblems(filled, [], OBJECTION_FILING, false, t)).toEqual([])
    expect(filingProblems(filled, [], REPAIR_FILING, true, t)).toEqual([])
  })

  it('names a bad evidence file by its position, as the server does', () => {
    const filled = draft({ recordIds: ['7'], statement: '已整改' })
    const problems = filingProblems(filled, [pdf(), pdf('b.exe')], REPAIR_FILING, false, t)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.field).toBe('evidence[1]')
    expect(problems[0]?.message).toContain('b.exe')
  })

  it('shows errors on the fields of its own kind only', () => {
    const objection = filingFields(OBJECTION_FILING)
    const repair = filingFields(REPAIR_FILING)
    expect(['recordIds', 'subjectId', 'listKind', 'applicantName', 'reasons', 'receivedOn', 'evidence', 'evidence.3'].every(objection)).toBe(true)
    expect(objection('rectification')).toBe(false)
    expect(repair('rectification')).toBe(true)
    expect(repair('reasons')).toBe(false)
    expect(repair('receivedOn')).toBe(false)
    expect(repair('evidence.x')).toBe(false)
  })
})

describe('filing input', () => {
  const filled = draft({ recordIds: ['7', '9'], listKind: 'WATCH', statement: '  冒用名义 ', applicantName: ' 张三 ', receivedOn: '2026-03-01' })

  it('a written application carries the applicant and the day received, trimmed', () => {
    expect(filingInput('42', filled, [], true)).toEqual({
      subjectId: '42',
      recordIds: ['7', '9'],
      statement: '冒用名义',
      listKind: 'WATCH',
      evidence: [],
      applicantName: '张三',
      receivedOn: '2026-03-01',
    })
  })

  it('an online one leaves them to the account (no applicant, no day received), and no list is null', () => {
    expect(filingInput('42', { ...filled, listKind: '' }, [], false)).toMatchObject({ applicantName: '', receivedOn: null, listKind: null })
  })

  it('each kind names the statement as its mutation does', () => {
    const input = filingInput('42', filled, [], true)
    const { statement: _statement, ...rest } = input
    expect(objectionFileInput(input)).toEqual({ ...rest, reasons: '冒用名义' })
    const repair = repairApplyInput(input)
    expect(repair).toMatchObject({ rectification: '冒用名义', applicantName: '张三', subjectId: '42' })
    expect(repair).not.toHaveProperty('statement')
    expect(repair).not.toHaveProperty('receivedOn')
  })

  it('a repair cannot concern the red list; an objection can', () => {
    expect(OBJECTION_FILING.lists).toContain('RED')
    expect(REPAIR_FILING.lists).not.toContain('RED')
  })
})

describe('evidence', () => {
  it('knows the accepted types by extension, whatever the case', () => {
    expect(evidenceContentType('情况说明.PDF')).toBe('application/pdf')
    expect(evidenceContentType('scan.jpeg')).toBe('image/jpeg')
    expect(evidenceContentType('x.ofd')).toBe('application/ofd')
    expect(evidenceContentType('x.exe')).toBeUndefined()
  })

  it('refuses a wrong type, an empty file and one too large', () => {
    expect(evidenceProblem({ name: 'a.exe', size: 10 })).toBe('type')
    expect(evidenceProblem({ name: 'a.pdf', size: 0 })).toBe('empty')
    expect(evidenceProblem({ name: 'a.pdf', size: EVIDENCE_MAX_BYTES + 1 })).toBe('size')
    expect(evidenceProblem({ name: 'a.pdf', size: EVIDENCE_MAX_BYTES })).toBeUndefined()
  })

  it('counts the files', () => {
    const many = Array.from({ length: EVIDENCE_MAX_FILES + 1 }, (_, i) => pdf(`${i}.pdf`))
    expect(evidenceErrors(many, t)).toEqual([{ field: 'evidence', message: t('casework.evidence.tooMany', { n: EVIDENCE_MAX_FILES }) }])
    expect(evidenceErrors(many.slice(1), t)).toEqual([])
  })

  it("the evidence item shows its first file's error, else its own", () => {
    const messages: Record<string, string> = { 'evidence.1': '第二个文件类型不符', evidence: '文件过多' }
    const field = (p: string) => messages[p] ?? ''
    expect(evidenceMessage(field, 3)).toBe('第二个文件类型不符')
    expect(evidenceMessage(field, 1)).toBe('文件过多')
    expect(withEvidence(['reasons'])('evidence.12')).toBe(true)
  })

  it('formats sizes', () => {
    expect(formatBytes(12)).toBe('12 B')
    expect(formatBytes(340 * 1024)).toBe('340 KB')
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB')
  })
})

describe('queue filter', () => {
  it('one status, or none for all', () => {
    expect(statusVariable('FILED')).toEqual(['FILED'])
    expect(statusVariable('')).toBeNull()
    expect(statusVariable('ALL')).toBeNull()
    expect(statusParam('APPROVED')).toBe('APPROVED')
    expect(statusParam('ALL')).toBeNull()
  })
})
