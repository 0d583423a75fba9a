import { computed, reactive } from 'vue'
import { request, setCsrfTokenSource } from '@/api/client'
import { getFragmentData, type FragmentType } from '@/gql'
import type { AccountErrorCode, MeFieldsFragment, Permission } from '@/gql/graphql'
import { LoginMutation, LogoutMutation, MeFields, MeQuery } from './operations'
import { allows, type Requirement } from './permissions'

/**
 * The signed-in user, for the whole app (one module-level state).
 *
 * The session cookie is HttpOnly; the CSRF token comes only from `login`, so it is kept in
 * memory and in sessionStorage (it survives a reload of this tab, not a new tab). A user
 * whose cookie still works but whose CSRF token is gone must sign in again.
 */

const CSRF_KEY = 'credit.csrf'

type Status = 'unknown' | 'loading' | 'ready'

const state = reactive({
  me: null as MeFieldsFragment | null,
  csrfToken: readStoredCsrf(),
  status: 'unknown' as Status,
})

let loading: Promise<void> | undefined

function readStoredCsrf(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(CSRF_KEY) ?? null
  } catch {
    return null
  }
}

function storeCsrf(token: string | null): void {
  state.csrfToken = token
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token)
    else sessionStorage.removeItem(CSRF_KEY)
  } catch {
    // Private mode: the token lasts for this page only.
  }
}

setCsrfTokenSource(() => state.csrfToken)

function setMe(me: FragmentType<typeof MeFields> | null | undefined): void {
  state.me = me ? getFragmentData(MeFields, me) : null
}

/** Ask the server who is signed in, once (later calls wait for the same answer). */
export function ensureSession(): Promise<void> {
  if (state.status === 'ready') return Promise.resolve()
  loading ??= (async () => {
    state.status = 'loading'
    try {
      setMe((await request(MeQuery)).me)
      state.status = 'ready'
    } catch (error) {
      state.status = 'unknown'
      throw error
    } finally {
      loading = undefined
    }
  })()
  return loading
}

export interface SignInResult {
  errors: ReadonlyArray<{ field?: string | null; message: string; code: AccountErrorCode }>
}

export async function signIn(username: string, password: string): Promise<SignInResult> {
  const { login } = await request(LoginMutation, { username, password })
  if (login.errors.length === 0 && login.me && login.csrfToken) {
    setMe(login.me)
    storeCsrf(login.csrfToken)
    state.status = 'ready'
  }
  return { errors: login.errors }
}

/** Ask the server again who is signed in (after the user's rights changed, e.g. a
 * password change that lifts the forced change). */
export async function reloadSession(): Promise<void> {
  setMe((await request(MeQuery)).me)
  state.status = 'ready'
}

/** End the session on the server (when it can) and forget it here in any case. */
export async function signOut(): Promise<void> {
  try {
    if (state.csrfToken) await request(LogoutMutation)
  } finally {
    forgetSession()
  }
}

/** Forget the user here (the server said the session is over, or the token is lost). */
export function forgetSession(): void {
  state.me = null
  storeCsrf(null)
  state.status = 'ready'
}

/** For tests: back to "not asked yet". */
export function resetSession(): void {
  state.me = null
  storeCsrf(null)
  state.status = 'unknown'
  loading = undefined
}

export function currentPermissions(): ReadonlySet<Permission> {
  return new Set(state.me?.permissions ?? [])
}

export function useSession() {
  return {
    me: computed(() => state.me),
    signedIn: computed(() => state.me !== null),
    /** Signed in, but this tab has no CSRF token: mutations would be refused. */
    expired: computed(() => state.me !== null && !state.csrfToken),
    ready: computed(() => state.status === 'ready'),
  }
}

/** Permission check against the current user (reactive when called in a render or computed). */
export function hasPermission(required: Requirement): boolean {
  return state.me !== null && allows(state.me.permissions, required)
}

export const sessionState: Readonly<typeof state> = state
