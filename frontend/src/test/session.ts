import { signIn } from '@/auth/session'
import type { Permission } from '@/gql/graphql'

export function meOf(role: string, permissions: Permission[]) {
  return { username: role.toLowerCase(), displayName: `${role} 测试`, role, unitCode: 'SY-210102', subjectId: null, permissions }
}

export const OFFICER = meOf('DISTRICT_OFFICER', ['VIEW_INTERNAL', 'MANAGE_SUBJECTS', 'ENTER_RECORDS', 'MANAGE_REMINDERS'])
export const REVIEWER = meOf('CITY_REVIEWER', ['VIEW_INTERNAL', 'REVIEW_RECORDS', 'PUBLISH_RECORDS', 'DECIDE_LISTS', 'VIEW_AUDIT'])

/** GraphQL stubs answering `Me` and `Login` for a user (null: signed out). */
export function sessionHandlers(me: ReturnType<typeof meOf> | null) {
  return {
    Me: () => ({ data: { me } }),
    Login: () => ({ data: { login: { csrfToken: me ? 'csrf-test' : null, me, errors: [] } } }),
  }
}

/** Sign in through the real session code (the fetch stub must answer `Login`). */
export async function signInForTest(): Promise<void> {
  await signIn('test', 'password')
}
