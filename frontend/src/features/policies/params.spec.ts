import { describe, expect, it } from 'vitest'
import { paramsText, parseParams, policyFieldErrors } from './params'

describe('policy parameters as JSON', () => {
  it('are shown indented and read back unchanged', () => {
    const params = { objectionDays: 30, decideWithinWorkingDays: 15, lists: ['RED', 'BLACK'], nested: { 整改期: 90 } }
    const text = paramsText(params)
    expect(text).toContain('\n  "objectionDays": 30')
    expect(parseParams(text)).toEqual({ ok: true, params })
  })

  it('text that is not JSON is refused rather than sent', () => {
    expect(parseParams('{ objectionDays: 30 }')).toEqual({ ok: false })
    expect(parseParams('')).toEqual({ ok: false })
  })

  it('server errors go on their field, those without one on the parameters', () => {
    expect(
      policyFieldErrors([
        { field: 'effectiveFrom', message: '生效日期不能早于现行版本' },
        { field: null, message: '参数 objectionDays 须为正整数' },
      ]),
    ).toEqual({ effectiveFrom: '生效日期不能早于现行版本', params: '参数 objectionDays 须为正整数' })
  })
})
