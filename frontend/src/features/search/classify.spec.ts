import { describe, expect, it } from 'vitest'
import { classifySearchInput } from './classify'

describe('classifySearchInput', () => {
  it('treats blank input as empty', () => {
    expect(classifySearchInput('  　 ')).toEqual({ kind: 'empty' })
  })

  it('treats a valid code (even full-width, lower case) as a code', () => {
    const r = classifySearchInput(' ９１３１０１１５ma1k3btp2b ')
    expect(r).toEqual({ kind: 'code', result: { ok: true, value: '91310115MA1K3BTP2B' } })
  })

  it.each([
    ['91110000600037341', 'length'],
    ['9111I000600037341L', 'character'],
    ['91110000600037341A', 'check_digit'],
    ['911100', 'length'],
    ['9111-0000-6000', 'length'],
  ])('treats %s as a code attempt with fault %s', (input, fault) => {
    const r = classifySearchInput(input)
    expect(r.kind).toBe('code')
    if (r.kind === 'code') expect(r.result).toMatchObject({ ok: false, fault })
  })

  it.each(['沈阳安防科技有限公司', '沈阳 安防', 'Acme Security', '第1分公司', '12号店'])('treats %s as a name', (input) => {
    expect(classifySearchInput(input)).toEqual({ kind: 'name', name: input })
  })

  it('treats a complete, valid resident ID number as an ID number lookup', () => {
    expect(classifySearchInput(' 410481199001011236 ')).toEqual({ kind: 'idNumber', idNumber: '410481199001011236' })
  })

  it('keeps a code attempt with an ID-like check digit a code attempt (no region, no date)', () => {
    expect(classifySearchInput('01110000600037341X').kind).toBe('code')
  })

  it('keeps an all-digit valid code a code', () => {
    expect(classifySearchInput('121200004013590816').kind).toBe('code')
  })
})
