import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { API_ERROR_CODES } from '@/gql/error-codes'
import { ApiError, codeFromHttpStatus, describeError, ERROR_CODES } from './errors'

describe('describeError', () => {
  it.each(['zh-CN', 'en'] as const)('has a %s message for every code', (locale) => {
    const { t, te } = createAppI18n(locale).global
    for (const code of ERROR_CODES) {
      expect(te(`errors.${code}`), code).toBe(true)
      expect(describeError(new ApiError(code, ''), t)).not.toBe(`errors.${code}`)
    }
  })

  it('names the problem, not the server text', () => {
    const { t } = createAppI18n('zh-CN').global
    expect(describeError(new ApiError('RATE_LIMITED', 'Too Many Requests'), t)).toBe('查询过于频繁，请稍后再试')
    expect(describeError(new Error('boom'), t)).toBe('出错了，请稍后再试')
  })

  it('knows the codes the server answers that the old hand list lacked', () => {
    const { t } = createAppI18n('zh-CN').global
    expect(API_ERROR_CODES).toContain('TIMEOUT')
    expect(API_ERROR_CODES).toContain('GRAPHQL_VALIDATION_FAILED')
    expect(describeError(new ApiError('TIMEOUT', 'Gateway Timeout'), t)).toBe('请求超时，请稍后重试或缩小查询范围')
    expect(describeError(new ApiError('GRAPHQL_VALIDATION_FAILED', 'Cannot query field'), t)).toBe(
      '请求格式不正确，请刷新页面后重试',
    )
    expect(codeFromHttpStatus(504)).toBe('TIMEOUT')
  })
})
