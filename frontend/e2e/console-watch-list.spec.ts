import { asUser, enterWatchListCase, openSubject, signIn, verifyAndPublish } from './console'
import { expect, test } from './fixtures'

// The record lifecycle through the console: a district officer enters, the city reviewer
// verifies and publishes, the public sees it at once. Desktop only: these change the data.
const ONCE = { tag: '@desktop-only' }
test.describe.configure({ timeout: 90_000 })

test('a watch-list case entered by the district officer is public as soon as the reviewer publishes it', ONCE, async ({
  page,
  browser,
}) => {
  // given: officer.heping (和平区) and a 和平区 demo subject not on the watch list
  const name = '沈阳宏景安防科技有限公司'
  await signIn(page, 'officer.heping')
  await openSubject(page, name)
  const uscc = (await page.getByTestId('subject-uscc').textContent())!.trim()
  await expect(page.getByTestId('list-entry').filter({ hasText: '警示目录' })).toHaveCount(0)

  // when: the officer enters a 第九条 case and submits it
  const decisionNo = await enterWatchListCase(page, /^第九条（五） 在企业经营中发生伪造工程业绩/, 'E2E：伪造工程业绩，经核实')
  const row = page.getByTestId('record-row').filter({ hasText: 'E2E：伪造工程业绩' })
  await expect(row.getByTestId('record-status')).toHaveAttribute('data-status', 'SUBMITTED')
  await expect(page.getByTestId('record-situation')).toContainText('在企业经营中发生伪造工程业绩')

  // and the city reviewer verifies and publishes it
  const reviewer = await asUser(browser, 'reviewer')
  await verifyAndPublish(reviewer.page, decisionNo)
  await reviewer.context.close()

  // then: anyone (no sign-in, a new context) sees the watch-list entry on the public profile
  const visitor = await browser.newContext({ locale: 'zh-CN' })
  const publicPage = await visitor.newPage()
  await publicPage.goto(`/subjects/${uscc}`)
  await expect(publicPage.getByTestId('list-entry').filter({ hasText: '警示目录' })).toContainText(decisionNo)
  await publicPage.goto(`/subjects/${uscc}?tab=records`) // the public records have their own tab
  await expect(publicPage.getByTestId('record').filter({ hasText: 'E2E：伪造工程业绩' })).toBeVisible()
  await visitor.close()

  // and the officer's own view shows it published, with its history
  await page.reload()
  await expect(row.getByTestId('record-status')).toHaveAttribute('data-status', 'PUBLISHED')
})

test('the fifth counted watch-list case puts the enterprise on the public blacklist', ONCE, async ({ page, browser }) => {
  // given: 沈阳天衡视讯工程有限公司 (浑南区) has five cases, one revoked: four count
  const name = '沈阳天衡视讯工程有限公司'
  await page.goto('/lists/black')
  await expect(page.getByTestId('entry-link').first()).toBeVisible()
  await expect(page.getByText(name)).toHaveCount(0)

  // when: the officer of its district enters a fifth case and the reviewer publishes it
  const officer = await asUser(browser, 'officer.hunnan')
  await openSubject(officer.page, name)
  const decisionNo = await enterWatchListCase(officer.page, /^第九条（七） 未履行服务承诺/, 'E2E：未履行服务承诺')
  await officer.context.close()
  const reviewer = await asUser(browser, 'reviewer')
  await verifyAndPublish(reviewer.page, decisionNo)
  await reviewer.context.close()

  // then: the public blacklist page lists it
  await page.reload()
  await expect(page.getByTestId('entry-link').filter({ hasText: name })).toBeVisible()
})
