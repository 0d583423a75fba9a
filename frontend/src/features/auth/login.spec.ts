import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { loginNotice, loginProblems, safeRedirect } from './login'

const t = createAppI18n('zh-CN').global.t as (key: string) => string

describe('sign-in', () => {
  it('goes back to the console page asked for, never elsewhere', () => {
    expect(safeRedirect('/console/objections?tab=all')).toBe('/console/objections?tab=all')
    expect(safeRedirect('https://evil.example/console')).toBe('/console')
    expect(safeRedirect('//evil.example')).toBe('/console')
    expect(safeRedirect('/subjects/1')).toBe('/console')
    expect(safeRedirect(['/console/users'])).toBe('/console')
    expect(safeRedirect(undefined)).toBe('/console')
  })

  it('says why it is shown: an expired session, a sign-out, or an error code', () => {
    expect(loginNotice('expired')).toEqual({ type: 'warning', key: 'console.reason.expired' })
    expect(loginNotice('signedOut')).toEqual({ type: 'success', key: 'console.reason.signedOut' })
    expect(loginNotice('PERMISSION_DENIED')).toEqual({ type: 'error', key: 'errors.PERMISSION_DENIED' })
    expect(loginNotice('<script>')).toBeUndefined()
    expect(loginNotice(undefined)).toBeUndefined()
  })

  it('every notice has its words', () => {
    for (const reason of ['expired', 'signedOut', 'PERMISSION_DENIED', 'UNAUTHENTICATED']) {
      const key = loginNotice(reason)?.key ?? ''
      expect(t(key), reason).not.toBe(key)
    }
  })

  it('asks for both fields; a password of blanks is still a password', () => {
    expect(loginProblems({ username: ' ', password: '' }, t).map((p) => p.field)).toEqual(['username', 'password'])
    expect(loginProblems({ username: 'reviewer', password: '   ' }, t)).toEqual([])
    expect(loginProblems({ username: '', password: 'x' }, t)).toEqual([{ field: 'username', message: t('console.usernameRequired') }])
  })
})
