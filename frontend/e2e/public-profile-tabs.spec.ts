import type { APIRequestContext } from '@playwright/test'
import { openSubject, signIn } from './console'
import { expect, expectNoHorizontalScroll, test } from './fixtures'

// Demo data (backend/credit/demo/load.py): 沈阳鼎盾安全技术有限公司 is blacklisted by five
// watch-list cases (沈公技防警〔YYYY〕040号 … 044号) published 1500, 1000, 600, 300 and 10
// days ago: only the last two are still inside their one-year public window. 舞钢市华泰宾馆有限公司
// is a Wugang subject with grade B.
const BLACKLISTED = '沈阳鼎盾安全技术有限公司'
const GRADED = '舞钢市华泰宾馆有限公司'
const ISSUED = /沈公信黑决〔\d{4}〕\d+号/

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

test('a blacklisted profile shows the basis of its listing, tab by tab, each tab linkable', async ({ page }) => {
  const uscc = await usccOf(page.request, BLACKLISTED)
  await page.goto(`/subjects/${uscc}`)
  const tabs = page.getByTestId('profile-tabs')
  for (const name of ['基本信息', '行政处罚', '名单', '信用承诺']) {
    await expect(tabs.getByRole('tab', { name })).toBeVisible()
  }
  // Shenyang grades nobody: no 信用评价 tab
  await expect(tabs.getByRole('tab', { name: '信用评价' })).toHaveCount(0)

  // 基本信息: the blacklist entry carries the bureau's own listing decision
  const black = page.getByTestId('list-entry').filter({ hasText: '黑名单' })
  await expect(black.getByTestId('entry-decision-no')).toHaveText(ISSUED)
  await expectNoHorizontalScroll(page)

  // 名单: every counted case, by number and date; a closed window says only that
  await tabs.getByRole('tab', { name: '名单' }).click()
  await expect(page).toHaveURL(/\?tab=lists$/)
  const basis = page.getByTestId('list-entry').filter({ hasText: '黑名单' }).getByTestId('basis-item')
  await expect(basis).toHaveCount(5)
  await expect(basis.filter({ hasText: '公示期已届满' })).toHaveCount(3)
  for (const n of ['040', '041', '042', '043', '044']) {
    await expect(basis.filter({ hasText: new RegExp(`沈公技防警〔\\d{4}〕${n}号`) })).toHaveCount(1)
  }
  const open = basis.filter({ hasNotText: '公示期已届满' })
  await expect(open).toHaveCount(2)
  await expect(open.first()).toContainText('经核实存在第九条所列情形')
  await expect(open.first()).toContainText(/公示截止 \d{4}-\d{2}-\d{2}/)
  await expectNoHorizontalScroll(page)

  // a link to a tab opens it
  await page.reload()
  await expect(page.getByTestId('tab-lists')).toBeVisible()

  // 行政处罚: the public records, each with the end of its public window
  await tabs.getByRole('tab', { name: '行政处罚' }).click()
  await expect(page).toHaveURL(/\?tab=records$/)
  const record = page.getByTestId('record').first()
  await expect(record).toContainText(/公示截止\s*\d{4}-\d{2}-\d{2}/)
  await expectNoHorizontalScroll(page)

  // 信用承诺: nothing registered yet
  await tabs.getByRole('tab', { name: '信用承诺' }).click()
  await expect(page).toHaveURL(/\?tab=commitments$/)
  await expect(page.getByTestId('commitments')).toContainText('暂无信用承诺')

  // back to 基本信息: the address has no tab
  await tabs.getByRole('tab', { name: '基本信息' }).click()
  await expect(page).toHaveURL(new RegExp(`/subjects/${uscc}$`))
})

test('a graded Wugang subject has a 信用评价 tab with its grade and reasons', async ({ page }) => {
  const uscc = await usccOf(page.request, GRADED)
  await page.goto(`/subjects/${uscc}?tab=grade`)
  await expect(page.getByTestId('tab-grade')).toBeVisible()
  await expect(page.getByTestId('tab-grade').locator('.grade-badge')).toBeVisible()
  await expect(page.getByTestId('tab-grade').getByTestId('reason').first()).toBeVisible()
  await expectNoHorizontalScroll(page)
})

test('staff see when a subject leaves its lists and can forecast a later date', async ({ page }) => {
  await signIn(page, 'reviewer')
  await openSubject(page, BLACKLISTED)
  const forecast = page.getByTestId('forecast')
  await expect(forecast.getByTestId('forecast-leaves').filter({ hasText: '黑名单' })).toBeVisible()
  const later = new Date(Date.now() + 8 * 3600_000 + 6 * 365 * 86400_000).toISOString().slice(0, 10)
  const input = forecast.getByTestId('forecast-date').locator('input').first()
  await input.fill(later)
  await input.press('Enter')
  const result = forecast.getByTestId('forecast-result')
  await expect(result).toContainText(`预测：若无新的信息，至 ${later}`)
  await expect(result).toContainText('不在任何名单中')
  await expectNoHorizontalScroll(page)
})
