import type { APIRequestContext, Page } from '@playwright/test'
import { expect, expectNoHorizontalScroll, test } from './fixtures'

// Workflows against the real backend with the demo data (backend/credit/demo/load.py).
// 沈阳安泰报警运营服务有限公司 has two watch-list cases, 021号 published 200 days ago and
// 022号 published 20 days ago: only the latter is still inside the 30-day objection window.
const SUBJECT = '沈阳安泰报警运营服务有限公司'
const RECENT_CASE = /〔\d{4}〕022号/
const PASSWORD = 'Demo#2026'

async function usccOf(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post('/graphql', {
    data: { query: 'query ($name: String!) { subjectSearch(name: $name) { edges { node { uscc name } } } }', variables: { name } },
  })
  expect(response.ok()).toBe(true)
  const body = (await response.json()) as { data: { subjectSearch: { edges: Array<{ node: { uscc: string; name: string } }> } } }
  const found = body.data.subjectSearch.edges.find((e) => e.node.name === name)
  expect(found, `demo subject ${name}`).toBeTruthy()
  return found!.node.uscc
}

async function signIn(page: Page, username: string, next: string): Promise<void> {
  await page.goto(`/console/login?redirect=${encodeURIComponent(next)}`)
  await page.getByTestId('username').fill(username)
  await page.getByTestId('password').fill(PASSWORD)
  await page.getByTestId('sign-in').click()
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, '\\$&')}$`))
}

async function confirmBox(page: Page): Promise<void> {
  await page.locator('.el-message-box__btns .el-button--primary').click()
}

test('an objection upheld removes the watch-list entry from the public profile', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'changes the demo data: run once')
  const uscc = await usccOf(page.request, SUBJECT)

  // The public profile shows the recent watch-list case.
  await page.goto(`/subjects/${uscc}`)
  await expect(page.getByTestId('list-entry').filter({ hasText: RECENT_CASE })).toHaveCount(1)

  // The city reviewer enters the written objection received today.
  await signIn(page, 'reviewer', '/console/objections/file')
  await page.getByTestId('case-subject').click()
  await page.getByTestId('case-subject').locator('input').fill('安泰')
  await page.getByRole('option', { name: SUBJECT }).click()
  await expect(page.getByTestId('case-subject-name')).toContainText(SUBJECT)
  await page.getByTestId('record-choices').locator('label').filter({ hasText: RECENT_CASE }).click()
  await page.getByTestId('objection-reasons').fill('该情形系他人冒用本单位名义所为，附公安机关出具的情况说明。')
  await page.getByTestId('objection-applicant').fill('沈阳安泰报警运营服务有限公司')
  await page.getByTestId('objection-submit').click()
  await expect(page.getByTestId('objection-filed')).toContainText('异议已提交')

  // In the queue: accept it (the deadline countdown starts), then decide it upheld.
  await page.goto('/console/objections')
  const card = page.getByTestId('objection-card').filter({ hasText: SUBJECT }).filter({ hasText: RECENT_CASE })
  await expect(card).toHaveCount(1)
  await expect(card.getByTestId('objection-status')).toHaveAttribute('data-status', 'FILED')
  await card.getByTestId('objection-accept').click()
  await confirmBox(page)
  await expect(card.getByTestId('objection-status')).toHaveAttribute('data-status', 'ACCEPTED')
  await expect(card.getByTestId('deadline')).toContainText('个工作日')
  await expect(card.getByTestId('deadline')).toHaveAttribute('data-tone', /normal|warning|danger/)

  await card.getByTestId('objection-decide').click()
  const decide = page.getByTestId('decide-dialog')
  await expect(decide.getByTestId('record-choices').locator('input[type="checkbox"]')).toBeChecked()
  await decide.getByTestId('decide-reason').fill('经核实，该情形非该企业所为，异议成立。')
  await decide.getByTestId('decide-confirm').click()

  // The result notice opens, to print.
  const notice = page.getByTestId('notice-dialog')
  await expect(notice.getByTestId('notice-document')).toContainText('异议成立')
  await expect(notice.getByTestId('notice-document')).toContainText(SUBJECT)
  await notice.getByRole('button', { name: '关闭', exact: true }).click()

  // The public profile no longer shows that entry (the older case remains).
  await page.goto(`/subjects/${uscc}`)
  await expect(page.getByTestId('subject-name')).toHaveText(SUBJECT)
  await expect(page.getByTestId('list-entry').filter({ hasText: /〔\d{4}〕021号/ })).toHaveCount(1)
  await expect(page.getByTestId('list-entry').filter({ hasText: RECENT_CASE })).toHaveCount(0)
})

test('a public report is filed from the profile and acknowledged', async ({ page }, testInfo) => {
  const uscc = await usccOf(page.request, SUBJECT)
  await page.goto(`/subjects/${uscc}`)
  await page.getByTestId('report-link').click()
  await expect(page).toHaveURL(new RegExp(`/report\\?uscc=${uscc}$`))
  await expect(page.getByTestId('report-subject-name')).toContainText(SUBJECT)
  await expect(page.getByTestId('report-uscc')).toHaveValue(uscc)
  await expect(page.getByText('加密保存并严格保密')).toBeVisible()

  // Checked before anything is sent.
  await page.getByTestId('report-submit').click()
  await expect(page.getByText('请填写举报内容')).toBeVisible()
  await expectNoHorizontalScroll(page)

  // The server allows a few reports per address and hour (shared by every run within the
  // hour when the cache is Redis): one submission per run, from the desktop project.
  if (testInfo.project.name !== 'desktop') return
  await page.getByTestId('report-content').fill('该公司在和平区某小区未经备案安装报警系统。')
  await page.getByTestId('report-name').fill('张三')
  await page.getByTestId('report-contact').fill('13800000000')
  await page.getByTestId('report-submit').click()
  await expect(page.getByTestId('report-filed')).toContainText('举报已受理')
  await expect(page.getByTestId('ack-no')).toHaveText(/\S+/)
  // the query code, shown this once, with which the reporter follows the report
  await expect(page.getByTestId('query-code')).toHaveText(/^[0-9A-Z]{12}$/)
})

test('the code on the PDF credit report verifies as valid', async ({ page }) => {
  const uscc = await usccOf(page.request, SUBJECT)
  await page.goto(`/subjects/${uscc}`)
  const href = await page.getByTestId('report-pdf').getAttribute('href')
  expect(href).toMatch(new RegExp(`^/reports/${uscc}\\.pdf\\?asOf=\\d{4}-\\d{2}-\\d{2}$`))

  const pdf = await page.request.get(href!)
  expect(pdf.ok()).toBe(true)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  const code = pdf.headers()['x-verification-code']
  expect(code).toBeTruthy()
  const asOf = new URL(href!, 'http://x').searchParams.get('asOf')!

  // A wrong code is refused with its reason, the right one is valid.
  await page.goto(`/verify?uscc=${uscc}&asOf=${asOf}&code=AAAA-BBBB`)
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'false')
  await page.goto(`/verify?${new URLSearchParams({ uscc, asOf, code: code! })}`)
  await expect(page.getByTestId('verify-uscc')).toHaveValue(uscc)
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'true')
  await expect(page.getByTestId('verify-result')).toContainText('核验通过')
  await expect(page.getByTestId('verify-result')).toContainText(SUBJECT)
  await expectNoHorizontalScroll(page)
})
