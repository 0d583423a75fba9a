import { errorMessageKey, isKnownCode } from '@/api/errors'
import type { FieldError } from '@/api/fieldErrors'

/** Where to go once signed in: only a console path of this site, never an absolute address. */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/console') ? value : '/console'
}

/** Why the sign-in page was shown (`?reason=`): the message key and its tone; none for anything else. */
export function loginNotice(reason: unknown): { type: 'warning' | 'success' | 'error'; key: string } | undefined {
  if (reason === 'expired') return { type: 'warning', key: 'console.reason.expired' }
  if (reason === 'signedOut') return { type: 'success', key: 'console.reason.signedOut' }
  if (isKnownCode(reason)) return { type: 'error', key: errorMessageKey(reason) }
  return undefined
}

/** Both fields are needed; a user name of blanks is none (a password is taken as typed). */
export function loginProblems(form: { username: string; password: string }, t: (key: string) => string): FieldError[] {
  return [
    ...(form.username.trim() ? [] : [{ field: 'username', message: t('console.usernameRequired') }]),
    ...(form.password ? [] : [{ field: 'password', message: t('console.passwordRequired') }]),
  ]
}
