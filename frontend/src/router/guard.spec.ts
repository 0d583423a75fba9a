import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetSession } from '@/auth/session'
import { stubGraphQL } from '@/test/graphql'
import { mountRoute } from '@/test/mount'
import { OFFICER, sessionHandlers, signInForTest } from '@/test/session'

afterEach(() => {
  vi.unstubAllGlobals()
  resetSession()
})

const dashboard = {
  Dashboard: () => ({
    data: {
      dashboard: {
        subjects: 0,
        grades: [],
        lists: [],
        recordsByDistrict: [],
        recordsByStatus: [],
        listingsByMonth: [],
        objectionsByDeadline: [],
      },
    },
  }),
}

describe('the console guard', () => {
  it('sends a signed-out visitor to the sign-in page, remembering where they were going', async () => {
    stubGraphQL(sessionHandlers(null))
    const { router } = await mountRoute('/console/subjects?q=x')
    expect(router.currentRoute.value.name).toBe('console-login')
    expect(router.currentRoute.value.query['redirect']).toBe('/console/subjects?q=x')
  })

  it('asks a user whose tab lost its CSRF token to sign in again', async () => {
    stubGraphQL(sessionHandlers(OFFICER))
    const { router, wrapper } = await mountRoute('/console/subjects')
    expect(router.currentRoute.value.query['reason']).toBe('expired')
    expect(wrapper.get('[data-test="login-notice"]').text()).toBe('会话已过期，请重新登录')
  })

  it('shows the forbidden page for a page the role may not open, and no menu entry for it', async () => {
    stubGraphQL({ ...sessionHandlers(OFFICER), ...dashboard })
    await signInForTest()
    const { router, wrapper } = await mountRoute('/console/review')
    expect(router.currentRoute.value.name).toBe('console-forbidden')
    expect(wrapper.get('[data-test="forbidden"]').text()).toContain('没有权限访问此页面')
    const menu = wrapper.get('[data-test="console-menu"]')
    expect(menu.text()).toContain('录入信用信息')
    expect(menu.text()).not.toContain('审核')
    expect(menu.text()).not.toContain('系统管理')
  })

  it('lets the officer open the record entry page', async () => {
    stubGraphQL({
      ...sessionHandlers(OFFICER),
      Catalogues: () => ({ data: { catalogues: { watchSituations: [], infoTypes: [], sanctionKinds: [], violationDomains: [] } } }),
    })
    await signInForTest()
    const { router } = await mountRoute('/console/records/new')
    expect(router.currentRoute.value.name).toBe('console-record-new')
  })
})
