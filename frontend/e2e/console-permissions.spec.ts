import { signIn } from './console'
import { expect, expectNoHorizontalScroll, test } from './fixtures'

const DESKTOP = { tag: '@desktop-only' }
test.describe.configure({ timeout: 60_000 })

const PUBLISH = `mutation CreditRecordPublish($id: ID!) {
  creditRecordPublish(id: $id) { creditRecord { id status } errors { field message code } }
}`

test('an officer sees no review, publication, list or admin actions, and the API refuses them', DESKTOP, async ({ page }) => {
  // given: a district officer
  await signIn(page, 'officer.heping')
  const menu = page.getByTestId('console-menu')
  await expect(menu.getByText('主体')).toBeVisible()
  await expect(menu.getByText('录入信用信息')).toBeVisible()

  // then: no review menu, no admin menu
  for (const hidden of ['审核', '批量导入', '系统管理', '用户', 'API 令牌', '审计日志']) {
    await expect(menu.getByText(hidden, { exact: true })).toHaveCount(0)
  }

  // and a published record of its district offers no publish/revoke, a list no removal
  await page.goto('/console/subjects?q=沈阳盛安智能安防工程有限公司')
  await page.getByTestId('subject-link').first().click()
  await expect(page.getByTestId('list-entry').first()).toBeVisible()
  await expect(page.locator('[data-test^="remove-"]')).toHaveCount(0)
  await page.getByTestId('record-row').first().click()
  await expect(page.getByTestId('record-card')).toBeVisible()
  for (const action of ['verify', 'reject', 'publish', 'revoke']) {
    await expect(page.getByTestId(`action-${action}`)).toHaveCount(0)
  }
  await expect(page.getByTestId('audit-credit_record')).toHaveCount(0)
  const recordId = await page.getByTestId('record-card').getAttribute('data-record-id')

  // and a page it may not open says so
  await page.goto('/console/review')
  await expect(page.getByTestId('forbidden')).toContainText('没有权限访问此页面')
  await page.goto('/console/users')
  await expect(page.getByTestId('forbidden')).toBeVisible()

  // when: it calls the API anyway, with its own session cookie and CSRF token
  const csrf = await page.evaluate(() => sessionStorage.getItem('credit.csrf'))
  expect(csrf).toBeTruthy()
  const response = await page.request.post('/graphql', {
    headers: { 'X-CSRF-Token': csrf!, 'Content-Type': 'application/json' },
    data: { query: PUBLISH, variables: { id: recordId } },
  })

  // then: refused with PERMISSION_DENIED
  const body = (await response.json()) as { data: unknown; errors?: Array<{ extensions?: { code?: string } }> }
  expect(body.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED')
  expect(body.data).toBeNull()
})

test('the reviewer may review but not enter records; the sign-in page says when a session expired', DESKTOP, async ({ page }) => {
  await signIn(page, 'reviewer')
  const menu = page.getByTestId('console-menu')
  await expect(menu.getByText('审核', { exact: true })).toBeVisible()
  await expect(menu.getByText('录入信用信息')).toHaveCount(0)
  await page.goto('/console/records/new')
  await expect(page.getByTestId('forbidden')).toBeVisible()

  // A tab that lost its CSRF token (a new tab of a signed-in user) must sign in again.
  await page.evaluate(() => sessionStorage.removeItem('credit.csrf'))
  await page.goto('/console/subjects')
  await expect(page).toHaveURL(/\/console\/login\?/)
  await expect(page.getByTestId('login-notice')).toHaveText('会话已过期，请重新登录')

  // Signing out ends the session on the server: the console asks to sign in again.
  await page.getByTestId('username').fill('reviewer')
  await page.getByTestId('password').fill('Demo#2026')
  await page.getByTestId('sign-in').click()
  await expect(page).toHaveURL(/\/console\/subjects$/)
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('login-notice')).toHaveText('您已退出登录')
  await page.goto('/console')
  await expect(page).toHaveURL(/\/console\/login\?redirect=/)
})

test('wrong password: the error is on the password field', async ({ page }) => {
  await page.goto('/console/login')
  await page.getByTestId('username').fill('officer.tiexi')
  await page.getByTestId('password').fill('not-the-password')
  await page.getByTestId('sign-in').click()
  await expect(page.locator('.el-form-item.is-error')).toContainText('用户名或密码错误')
  await expectNoHorizontalScroll(page)
})

test('the console on a phone: menu in a drawer, dashboard charts, no sideways scroll', { tag: '@mobile-only' }, async ({ page }) => {
  await signIn(page, 'officer.tiexi')
  await expect(page.getByTestId('chart-lists')).toBeVisible()
  await expectNoHorizontalScroll(page)
  await page.getByTestId('menu-toggle').click()
  await page.getByTestId('console-menu').getByText('主体').click()
  await expect(page).toHaveURL(/\/console\/subjects$/)
  await page.getByTestId('subject-link').first().click()
  await page.getByTestId('record-row').first().click()
  await expect(page.getByTestId('record-card')).toBeVisible()
  await expectNoHorizontalScroll(page)
})
