import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { passwordProblems } from './password'

const t = createAppI18n('zh-CN').global.t as (key: string) => string
const fieldsOf = (form: Parameters<typeof passwordProblems>[0]) => passwordProblems(form, t).map((p) => [p.field, p.message])

describe('passwordProblems', () => {
  it('asks for every field', () => {
    expect(fieldsOf({ currentPassword: '', newPassword: '', confirm: '' })).toEqual([
      ['currentPassword', t('password.check.required')],
      ['newPassword', t('password.check.required')],
      ['confirm', t('password.check.required')],
    ])
  })

  it('a new password of fewer than ten characters is too short', () => {
    expect(fieldsOf({ currentPassword: 'Old#2026pass', newPassword: 'Short#26', confirm: 'Short#26' })).toEqual([
      ['newPassword', t('password.check.length')],
    ])
    expect(fieldsOf({ currentPassword: 'Old#2026pass', newPassword: 'Ten#chars0', confirm: 'Ten#chars0' })).toEqual([])
  })

  it('the new password must differ from the current one', () => {
    expect(fieldsOf({ currentPassword: 'Demo#2026ok', newPassword: 'Demo#2026ok', confirm: 'Demo#2026ok' })).toEqual([
      ['newPassword', t('password.check.same')],
    ])
  })

  it('the confirmation must match', () => {
    expect(fieldsOf({ currentPassword: 'Old#2026pass', newPassword: 'New#2026pass', confirm: 'New#2026pasS' })).toEqual([
      ['confirm', t('password.check.mismatch')],
    ])
  })

  it('every message has its words', () => {
    for (const key of ['required', 'length', 'same', 'mismatch']) expect(t(`password.check.${key}`)).not.toContain('password.check')
  })
})
