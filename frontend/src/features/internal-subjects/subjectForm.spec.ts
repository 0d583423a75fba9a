import { describe, expect, it } from 'vitest'
import { blankSubjectForm, subjectChanges, subjectCreateInput, subjectFormOf, subjectProblems, type SubjectForm } from './subjectForm'

const ORIGINAL = {
  name: '沈阳安泰报警运营服务有限公司',
  kind: 'ENTERPRISE' as const,
  uscc: '91210100MA0XXXXX1X',
  address: '沈阳市和平区',
  legalRepresentative: '王五',
  licenceNo: 'L-001',
  district: { code: '210102' },
}
const form = (f: Partial<SubjectForm> = {}): SubjectForm => ({ ...blankSubjectForm(), ...f })

describe('subject form checks', () => {
  it('a firm needs a name, a district and a USCC', () => {
    expect(subjectProblems(form({ name: ' ' }), false, '必填').map((p) => p.field)).toEqual(['name', 'district', 'uscc'])
  })

  it('a natural person needs an ID number when created, not when edited (it is never shown back)', () => {
    const person = form({ name: '张三', kind: 'NATURAL_PERSON', district: '210102' })
    expect(subjectProblems(person, false, '必填')).toEqual([{ field: 'idNumber', message: '必填' }])
    expect(subjectProblems(person, true, '必填')).toEqual([])
  })
})

describe('subject create input', () => {
  it('sends a firm with its USCC and no ID number, trimmed', () => {
    const input = subjectCreateInput(form({ name: ' 某公司 ', district: '210102', uscc: ' 91210100MA0XXXXX1X ', idNumber: '210102199001011234' }))
    expect(input).toMatchObject({ name: '某公司', kind: 'ENTERPRISE', uscc: '91210100MA0XXXXX1X', idNumber: null })
  })

  it('sends a person with the ID number and no USCC', () => {
    const input = subjectCreateInput(form({ name: '张三', kind: 'NATURAL_PERSON', district: '210102', uscc: 'x', idNumber: ' 210102199001011234 ' }))
    expect(input).toMatchObject({ uscc: null, idNumber: '210102199001011234' })
  })
})

describe('subject update input', () => {
  it('the form of a subject shows its values, the ID number blank', () => {
    expect(subjectFormOf(ORIGINAL)).toEqual({ ...ORIGINAL, district: '210102', idNumber: '' })
    expect(subjectFormOf({ ...ORIGINAL, uscc: null, district: null })).toMatchObject({ uscc: '', district: '' })
  })

  it('nothing changed sends nothing (every field null)', () => {
    const input = subjectChanges(subjectFormOf(ORIGINAL), ORIGINAL)
    expect(Object.values(input).every((v) => v === null)).toBe(true)
  })

  it('sends only the fields changed; blanks around a value are no change', () => {
    const edited = { ...subjectFormOf(ORIGINAL), name: ` ${ORIGINAL.name} `, address: '沈阳市沈河区', district: '210103' }
    const input = subjectChanges(edited, ORIGINAL)
    expect(input).toMatchObject({ name: null, address: '沈阳市沈河区', district: '210103', uscc: null, licenceNo: null })
  })

  it('a person gets a new ID number only when one is typed', () => {
    const person = { ...ORIGINAL, kind: 'NATURAL_PERSON' as const, uscc: null }
    expect(subjectChanges(subjectFormOf(person), person).idNumber).toBeNull()
    expect(subjectChanges({ ...subjectFormOf(person), idNumber: '210102199001011234' }, person).idNumber).toBe('210102199001011234')
  })
})
