import { describe, expect, it } from 'vitest'
// Shared with the backend's tests: both checkers must agree on every case.
import cases from '../../../../backend/credit/subjects/uscc_cases.json'
import { createAppI18n } from '@/i18n'
import { usccFaultMessage } from './messages'
import { normaliseUscc, usccCheckCharacter, validateUscc, type UsccFault } from './uscc'

interface InvalidCase {
  input: string
  fault: UsccFault
  position?: number
  expected?: string
}

const invalid = cases.invalid as InvalidCase[]

describe('validateUscc (shared cases)', () => {
  it.each(cases.valid)('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code })
  })

  it.each(invalid)('rejects $input with fault $fault', (c) => {
    const result = validateUscc(c.input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.fault).toBe(c.fault)
    if (c.position !== undefined) expect(result.position).toBe(c.position)
    if (c.expected !== undefined) expect(result.expected).toBe(c.expected)
  })

  it.each(cases.normalise)('normalises $input', ({ input, value }) => {
    expect(normaliseUscc(input)).toBe(value)
    expect(validateUscc(input)).toEqual({ ok: true, value })
  })

  it('includes A/N/Y registration authorities, which python-stdnum rejects', () => {
    const authorities = new Set(cases.valid.map((c) => c[0]))
    for (const a of ['A', 'N', 'Y']) expect(authorities).toContain(a)
  })

  it('covers every fault', () => {
    const faults = new Set(invalid.map((c) => c.fault))
    expect([...faults].sort()).toEqual(['authority', 'character', 'check_digit', 'length'])
  })
})

describe('usccCheckCharacter', () => {
  it('maps a check value of 0 to "0" (the mod 31 wraps)', () => {
    // 17 zeros: Σ = 0, (31 − 0) mod 31 = 0.
    expect(usccCheckCharacter('0'.repeat(17))).toBe('0')
  })
})

describe('usccFaultMessage', () => {
  const { t } = createAppI18n('zh-CN').global
  const message = (input: string) => usccFaultMessage(validateUscc(input), t)

  it('names the length', () => {
    expect(message('91310115MA1K3BTP2')).toBe('统一社会信用代码应为18位，当前为17位')
  })
  it('names the character and its position', () => {
    expect(message('9131I115MA1K3BTP2B')).toBe('第5位字符“I”不合法')
  })
  it('names the registration authority', () => {
    expect(message('01110000600037341X')).toBe('第1位登记管理部门代码“0”不合法')
  })
  it('names the expected check digit', () => {
    expect(message('91110000600037341A')).toBe('校验码错误：第18位应为“L”')
  })
  it('is empty for a valid code', () => {
    expect(message('91110000600037341L')).toBe('')
  })
  it('speaks English too', () => {
    const en = createAppI18n('en').global.t
    expect(usccFaultMessage(validateUscc('91110000600037341A'), en)).toBe(
      'Wrong check digit: position 18 should be “L”',
    )
  })
})
