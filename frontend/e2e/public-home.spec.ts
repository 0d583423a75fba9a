import { expect, expectNoHorizontalScroll, test } from './fixtures'

/** The demo's public reports (backend/credit/demo/reports.py): number = day received + id. */
function demoAcknowledgement(daysAgo: number, id: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000) // Asia/Shanghai
  return `JB${d.toISOString().slice(0, 10).replace(/-/g, '')}-${String(id).padStart(6, '0')}`
}

test('the home page: search first, the lists counted, the latest publications, the services', async ({ page }) => {
  await page.goto('/')
  // the search box comes first
  const box = page.getByRole('textbox', { name: '统一社会信用代码 或 名称' })
  await expect(box).toBeVisible()
  await expect(page.locator('input').first()).toHaveAttribute('placeholder', '统一社会信用代码 或 名称')
  // each list with its count, linking to the list
  for (const [kind, name] of [['red', '红名单'], ['watch', '警示目录'], ['black', '黑名单']] as const) {
    const card = page.getByTestId(`home-count-${kind}`)
    await expect(card).toContainText(name)
    await expect(card).toContainText(/\d+ 家/)
  }
  // the latest publications, public fields only, linking to the profile
  const items = page.getByTestId('home-latest-item')
  await expect(items.first()).toBeVisible()
  expect(await items.count()).toBeLessThanOrEqual(10)
  await expect(page.getByTestId('home-latest')).not.toContainText('内部')
  // the services
  await expect(page.getByTestId('home-verify')).toContainText('信用报告核验')
  await expect(page.getByTestId('home-report')).toContainText('我要举报')
  await expectNoHorizontalScroll(page)

  await page.getByTestId('home-count-black').click()
  await expect(page).toHaveURL(/\/lists\/black$/)
  await page.goto('/')
  await page.getByTestId('home-progress').click()
  await expect(page).toHaveURL(/\/report\/progress$/)
  await page.goto('/')
  await items.first().getByRole('link').click()
  await expect(page).toHaveURL(/\/subjects\/[0-9A-Z]{18}$/)
})

test('a reporter follows a report with its number and query code, and sees nothing internal', async ({ page }) => {
  await page.goto('/report/progress')
  await expectNoHorizontalScroll(page)
  const number = page.getByTestId('progress-number')
  const code = page.getByTestId('progress-code')

  // a wrong code answers as an unknown number does
  await number.fill(demoAcknowledgement(3, 1))
  await code.fill('WRONGCODE123')
  await page.getByTestId('progress-submit').click()
  await expect(page.getByTestId('progress-not-found')).toContainText('请核对受理编号和查询码')
  await expect(page.getByTestId('progress-result')).toHaveCount(0)

  // the report being handled: its status, no outcome yet
  await code.fill('DEMOQUERY26A')
  await page.getByTestId('progress-submit').click()
  await expect(page.getByTestId('progress-status')).toHaveText('已分办')
  await expect(page.getByTestId('progress-outcome')).toContainText('正在办理中')

  // the closed report: its public outcome, never the handler's notes or the content
  await number.fill(demoAcknowledgement(40, 2))
  await code.fill('demoquery26b')
  await page.getByTestId('progress-submit').click()
  const result = page.getByTestId('progress-result')
  await expect(page.getByTestId('progress-status')).toHaveText('已办结')
  await expect(page.getByTestId('progress-outcome')).toHaveText('经核查属实，已依法处理')
  await expect(result).not.toContainText('内部意见')
  await expect(result).not.toContainText('转市局审核员核查')
  await expect(result).not.toContainText('演示举报')
  await expectNoHorizontalScroll(page)
})
