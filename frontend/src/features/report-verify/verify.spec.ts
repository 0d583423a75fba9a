import { describe, expect, it } from 'vitest'
import { isComplete, verifyFormFromQuery, verifyProblems, verifyVariables } from './verify'

const USCC = '91210100MA0XXXXX1X'

describe('report verification', () => {
  it('takes the three values from the PDF link', () => {
    const form = verifyFormFromQuery({ uscc: USCC, asOf: '2026-03-01', code: 'AB12-CD34' })
    expect(form).toEqual({ uscc: USCC, asOf: '2026-03-01', code: 'AB12-CD34' })
    expect(isComplete(form)).toBe(true)
  })

  it('drops a malformed day and repeated values, and then waits to be asked', () => {
    const form = verifyFormFromQuery({ uscc: [USCC, 'x'], asOf: '2026-3-1', code: 'AB12-CD34' })
    expect(form).toEqual({ uscc: '', asOf: '', code: 'AB12-CD34' })
    expect(isComplete(form)).toBe(false)
  })

  it('needs all three, blanks counting as missing', () => {
    expect(verifyProblems({ uscc: ' ', asOf: '', code: 'X' }, '必填')).toEqual([
      { field: 'uscc', message: '必填' },
      { field: 'asOf', message: '必填' },
    ])
  })

  it('sends the values trimmed', () => {
    expect(verifyVariables({ uscc: ` ${USCC} `, asOf: '2026-03-01', code: ' AB12-CD34\n' })).toEqual({
      uscc: USCC,
      asOf: '2026-03-01',
      code: 'AB12-CD34',
    })
  })
})
