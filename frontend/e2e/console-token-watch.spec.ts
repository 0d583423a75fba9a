import { signIn } from './console'
import { expect, test } from './fixtures'

// The administrator's view of a partner token's watches and webhook deliveries (issue 17).
// Read-only on the shared demo data: runs at desktop and phone widths.
test('admin: a partner token shows its watched subjects, its webhook and its delivery log', async ({ page }) => {
  await signIn(page, 'admin', '/console/api-tokens')
  const row = page.getByTestId('tokens-table').locator('tr').filter({ hasText: '政府采购中心 · 投标人关注' })
  await expect(row).toContainText('关注主体（变更通知）')
  await row.getByTestId('token-watch').click()

  await expect(page).toHaveURL(/\/console\/api-tokens\/\d+\/watch$/)
  await expect(page.getByRole('heading', { name: /关注与投递 · 政府采购中心/ })).toBeVisible()
  const summary = page.getByTestId('token-watch-summary')
  await expect(summary.getByTestId('watch-count')).toHaveText('3')
  await expect(summary.getByTestId('webhook-url')).toContainText('未设置')
  await expect(summary.getByTestId('failed-count')).toContainText('投递失败 0')
  await expect(page.getByTestId('deliveries-empty')).toContainText('暂无投递记录')
  // the filter and the re-drive button are there, the latter disabled with nothing selected
  await page.getByTestId('delivery-status').getByText('投递失败').click()
  await expect(page.getByTestId('deliveries-empty')).toBeVisible()
  await expect(page.getByTestId('redrive-selected')).toBeDisabled()
  // no internal code is shown
  await expect(page.locator('main')).not.toContainText(/WATCH_SUBJECTS|PENDING|FAILED|DELIVERED/)

  await page.getByRole('button', { name: '返回 API 令牌' }).click()
  await expect(page).toHaveURL(/\/console\/api-tokens$/)
})
