import type { FieldError } from '@/api/fieldErrors'

/** The server's minimum; checked here first to spare a round trip. */
export const PASSWORD_MIN_LENGTH = 10

export interface PasswordForm {
  currentPassword: string
  newPassword: string
  confirm: string
}

/** Every field filled; a new password long enough, not the current one, typed the same twice. */
export function passwordProblems(form: PasswordForm, t: (key: string) => string): FieldError[] {
  const found: FieldError[] = (['currentPassword', 'newPassword', 'confirm'] as const)
    .filter((f) => !form[f])
    .map((f) => ({ field: f, message: t('password.check.required') }))
  if (form.newPassword && form.newPassword.length < PASSWORD_MIN_LENGTH) found.push({ field: 'newPassword', message: t('password.check.length') })
  else if (form.newPassword && form.newPassword === form.currentPassword) found.push({ field: 'newPassword', message: t('password.check.same') })
  if (form.confirm && form.confirm !== form.newPassword) found.push({ field: 'confirm', message: t('password.check.mismatch') })
  return found
}
