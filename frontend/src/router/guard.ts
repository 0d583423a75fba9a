import type { Router } from 'vue-router'
import { onApiError } from '@/api/client'
import { isKnownCode } from '@/api/errors'
import { allows, routeRequirements } from '@/auth/permissions'
import { currentPermissions, ensureSession, forgetSession, sessionState } from '@/auth/session'
import { menuItems } from './features'

export const LOGIN_ROUTE = 'console-login'
export const PASSWORD_ROUTE = 'console-password'

/** Why the sign-in page was opened instead of the page asked for (`?reason=`). */
export type LoginReason = 'expired' | 'signed-out' | string

/**
 * The console's guard: a signed-in user with a CSRF token, holding every `meta.permission`
 * of the route. `/console` itself opens the first menu page the user may see.
 */
export function installGuard(router: Router): void {
  router.beforeEach(async (to) => {
    if (!to.matched.some((r) => r.meta.requiresAuth)) return true
    try {
      await ensureSession()
    } catch (error) {
      const code = error instanceof Error && 'code' in error && isKnownCode(error.code) ? error.code : 'NETWORK'
      return { name: LOGIN_ROUTE, query: { redirect: to.fullPath, reason: code } }
    }
    if (!sessionState.me) return { name: LOGIN_ROUTE, query: { redirect: to.fullPath } }
    if (!sessionState.csrfToken) return { name: LOGIN_ROUTE, query: { redirect: to.fullPath, reason: 'expired' } }

    // A password an administrator reset must be replaced before anything else.
    if (sessionState.me.mustChangePassword && to.name !== PASSWORD_ROUTE) {
      return { name: PASSWORD_ROUTE, query: { forced: '1' } }
    }
    const granted = currentPermissions()
    if (allows(granted, routeRequirements(to.matched))) return true
    if (to.path.replace(/\/$/, '') === '/console') {
      const first = menuItems.find((m) => allows(granted, m.permission))
      if (first) return { name: first.route }
    }
    return { name: 'console-forbidden', query: { from: to.fullPath } }
  })

  // A session that ended on the server (expired, signed out elsewhere, account disabled)
  // or a lost CSRF token: back to the sign-in page, which says so.
  onApiError((error) => {
    if (error.code !== 'UNAUTHENTICATED' && error.code !== 'CSRF_FAILED') return
    const current = router.currentRoute.value
    if (!current.matched.some((r) => r.meta.requiresAuth)) return
    forgetSession()
    void router.push({ name: LOGIN_ROUTE, query: { redirect: current.fullPath, reason: 'expired' } })
  })
}
