import { describe, expect, it } from 'vitest'
import { knowsRecordField } from '@/features/records/draft'
import { formFields, formPath, mapFieldErrors } from './fieldErrors'

describe('formPath', () => {
  it('turns the server field path into the form item path', () => {
    expect(formPath('situationCode')).toBe('situationCode')
    expect(formPath('violations[0].domain')).toBe('violations.0.domain')
    expect(formPath('violations[0].sanctions[1].amountYuan')).toBe('violations.0.sanctions.1.amountYuan')
    expect(formPath(' violations[12] ')).toBe('violations.12')
  })
})

describe('mapFieldErrors', () => {
  it('puts each error on the field it names, the first one of a field winning', () => {
    const mapped = mapFieldErrors([
      { field: 'situationCode', message: '须选择情形', code: 'INVALID' },
      { field: 'violations[0].sanctions[1].amountYuan', message: '金额不能为负数', code: 'INVALID' },
      { field: 'situationCode', message: 'second', code: 'INVALID' },
    ])
    expect(mapped.fields).toEqual({
      situationCode: '须选择情形',
      'violations.0.sanctions.1.amountYuan': '金额不能为负数',
    })
    expect(mapped.general).toEqual([])
  })

  it('keeps errors without a field, or naming a field the form does not show, as general errors', () => {
    const knows = formFields(['summary'], [/^violations\.\d+\.domain$/])
    const mapped = mapFieldErrors(
      [
        { field: null, message: '该主体当前不在此名单上', code: 'INVALID_STATE' },
        { field: 'id', message: '信用信息不存在', code: 'NOT_FOUND' },
        { field: 'violations[3].domain', message: '未知的违法领域', code: 'INVALID' },
      ],
      knows,
    )
    expect(mapped.fields).toEqual({ 'violations.3.domain': '未知的违法领域' })
    expect(mapped.general).toEqual(['该主体当前不在此名单上', '信用信息不存在'])
  })

  it('knows every field path of the record form the server may name', () => {
    for (const field of [
      'subjectId',
      'type',
      'occurredOn',
      'situationCode',
      'inspectionPassed',
      'decisionNo',
      'decisionDate',
      'violations',
      'violations[0].domain',
      'violations[2].typeCode',
      'violations[0].sanctions',
      'violations[0].sanctions[1].kind',
      'violations[0].sanctions[1].amountYuan',
      'summary',
    ]) {
      expect(knowsRecordField(formPath(field)), field).toBe(true)
    }
    expect(knowsRecordField('id')).toBe(false)
  })
})
