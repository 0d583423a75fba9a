import { choose, signIn } from './console'
import { expect, test } from './fixtures'

// The industry association's console: it signs in to its home, sees its members and their
// list status, submits a rating for a member and sees it awaiting review. Desktop and phone:
// each run adds one submission, which nothing else counts.
test.describe.configure({ timeout: 90_000 })

test('the association submits a rating for a member and sees it pending', async ({ page }) => {
  // given: the association signs in and lands on its home
  await signIn(page, 'association')
  await expect(page).toHaveURL(/\/console\/association$/)
  await expect(page.getByTestId('association-memberCount')).toContainText('6')

  // and its member register lists its members with their list status
  await page.goto('/console/association/members')
  const members = page.getByTestId('members-table')
  await expect(members).toContainText('沈阳盛安智能安防工程有限公司')
  await expect(members).not.toContainText('沈阳东岳技防维护有限公司')

  // when: it rates a member AA
  await page.goto('/console/association/rate')
  await choose(page, page.getByTestId('rating-member'), /沈阳恒卫电子科技有限公司/)
  await page.getByTestId('rating-value').getByText('AA', { exact: true }).click()
  await page.getByTestId('rating-submit').click()
  await expect(page.getByTestId('rating-submitted')).toBeVisible()

  // then: its submissions show it awaiting review, and the demo's returned one with its reason
  await page.goto('/console/association/submissions')
  const table = page.getByTestId('submissions-table')
  const row = table.locator('tr').filter({ hasText: '沈阳恒卫电子科技有限公司' }).filter({ hasText: 'AA' }).first()
  await expect(row.getByTestId('submission-status')).toHaveText('待审核')
  await expect(table).toContainText('评定依据未附评审记录')
})
