import { describe, expect, it } from 'vitest'
import { readAppeals } from './appeals'

describe('readAppeals', () => {
  it('reads the stored entries with their index, skipping unknown shapes', () => {
    const json = [
      { kind: 'reconsideration', filed_on: '2026-10-01', authority: '沈阳市人民政府', case_no: '', outcome: 'pending', decided_on: null, note: '' },
      'junk',
      { kind: 'litigation', filed_on: '2026-10-05', authority: '和平区人民法院', case_no: '(2026)辽0102行初1号', outcome: 'revoked', decided_on: '2026-11-01', note: '撤销' },
    ]
    const entries = readAppeals(json)
    expect(entries.map((e) => [e.index, e.kind, e.outcome])).toEqual([
      [0, 'RECONSIDERATION', 'PENDING'],
      [2, 'LITIGATION', 'REVOKED'],
    ])
    expect(entries[1]?.caseNo).toBe('(2026)辽0102行初1号')
    expect(readAppeals(null)).toEqual([])
  })
})
