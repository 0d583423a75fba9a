import { describe, expect, it } from 'vitest'
import { missingTokenFields, scopeList, TOKEN_STATE_TAG, tokenState } from './tokens'

const NOW = new Date('2026-06-01T04:00:00Z') // 12:00 in Shenyang

describe('tokenState', () => {
  it('a revoked token is revoked, expired or not', () => {
    expect(tokenState({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }, NOW)).toBe('revoked')
    expect(tokenState({ revokedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }, NOW)).toBe('revoked')
  })

  it('expires at its moment, whatever the offset it is written with', () => {
    // 11:59 and 12:00 Beijing time are before and at NOW: written with +08:00 they sort after NOW's UTC text
    expect(tokenState({ expiresAt: '2026-06-01T11:59:00+08:00' }, NOW)).toBe('expired')
    expect(tokenState({ expiresAt: '2026-06-01T12:00:00+08:00' }, NOW)).toBe('expired')
    expect(tokenState({ expiresAt: '2026-06-01T12:01:00+08:00' }, NOW)).toBe('valid')
    expect(tokenState({ revokedAt: null, expiresAt: '2027-06-01T00:00:00Z' }, NOW)).toBe('valid')
  })

  it('shows each state in its colour', () => {
    expect(TOKEN_STATE_TAG).toEqual({ revoked: 'danger', expired: 'info', valid: 'success' })
  })
})

describe('token form and table', () => {
  it('asks for the name, the unit and the expiry, blanks counting as missing', () => {
    expect(missingTokenFields({ name: '  ', unitCode: '', expiresAt: '2027-01-01T00:00:00+08:00' }, '必填')).toEqual([
      { field: 'name', message: '必填' },
      { field: 'unitCode', message: '必填' },
    ])
    expect(missingTokenFields({ name: '投标人关注', unitCode: 'P-01', expiresAt: '2027-01-01' }, '必填')).toEqual([])
  })

  it('lists the scopes by name, or a dash for none', () => {
    const names: Record<string, string> = { WATCH_SUBJECTS: '关注主体', IMPORT_DECISIONS: '导入决定' }
    expect(scopeList(['WATCH_SUBJECTS', 'IMPORT_DECISIONS'], (s) => names[s] ?? s)).toBe('关注主体、导入决定')
    expect(scopeList([], (s) => s)).toBe('—')
  })
})
