import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { API_ERROR_CODES, ApiError, describeError } from './errors'

describe('describeError', () => {
  it.each(['zh-CN', 'en'] as const)('has a %s message for every code', (locale) => {
    const { t, te } = createAppI18n(locale).global
    for (const code of API_ERROR_CODES) {
      expect(te(`errors.${code}`), code).toBe(true)
      expect(describeError(new ApiError(code, ''), t)).not.toBe(`errors.${code}`)
    }
  })

  it('names the problem, not the server text', () => {
    const { t } = createAppI18n('zh-CN').global
    expect(describeError(new ApiError('RATE_LIMITED', 'Too Many Requests'), t)).toBe('查询过于频繁，请稍后再试')
    expect(describeError(new Error('boom'), t)).toBe('出错了，请稍后再试')
  })
})
