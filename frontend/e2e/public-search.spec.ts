import { expect, expectNoHorizontalScroll, test, watchGraphQL } from './fixtures'

// A graded subject of the demo data (seeded generator in backend/credit/demo/load.py:
// 舞钢市华泰宾馆有限公司, grade B). Set E2E_DEMO_USCC when the demo data changes.
const DEMO_USCC = process.env.E2E_DEMO_USCC ?? '91410481DMUBNRUBD0'

test('a bad code is explained before any request; a good one opens its profile; the watch list links to profiles', async ({
  page,
}) => {
  await page.goto('/')
  // (the home page's own list counts and latest publications load first)
  await page.waitForLoadState('networkidle')
  const graphql = watchGraphQL(page)
  const box = page.getByRole('textbox', { name: '统一社会信用代码 或 名称' })
  await box.fill('9131I115MA1K3BTP2B')
  await expect(page.getByTestId('uscc-fault')).toHaveText('第5位字符“I”不合法')
  await box.press('Enter')
  await box.fill('91110000600037341A')
  await expect(page.getByTestId('uscc-fault')).toHaveText('校验码错误：第18位应为“L”')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/$/)
  expect(graphql, 'no request for a malformed code').toHaveLength(0)

  await box.fill(DEMO_USCC)
  await box.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/subjects/${DEMO_USCC}$`))
  await expect(page.getByTestId('subject-name')).not.toBeEmpty()
  await expect(page.getByTestId('subject-uscc')).toHaveText(DEMO_USCC)
  await expect(page.getByTestId('grade-panel')).toBeVisible()
  await expect(page.locator('.grade-badge, [data-test="grade-panel"] p').first()).toBeVisible()
  await expect(page.getByTestId('as-of-date')).toContainText('信息截至')
  await expectNoHorizontalScroll(page)

  await page.getByRole('link', { name: '警示目录' }).first().click()
  await expect(page).toHaveURL(/\/lists\/watch$/)
  const link = page.getByTestId('entry-link').first()
  await expect(link).toBeVisible()
  await expect(link).toHaveAttribute('href', /^\/subjects\/[0-9A-Z]{18}$/)
  await expectNoHorizontalScroll(page)
  await link.click()
  await expect(page.getByTestId('subject-name')).not.toBeEmpty()
})

// The demo's natural person (backend/credit/demo/load.py): found by the exact, complete ID
// number only, and shown masked; never by name.
const DEMO_PERSON_ID = '410481199001011236'

test('a natural person is found by the complete ID number, masked, and never by name', async ({ page }) => {
  await page.goto('/')
  const box = page.getByRole('textbox', { name: '统一社会信用代码 或 名称' })
  await box.fill(DEMO_PERSON_ID)
  await expect(page.getByText('将按居民身份证号码查询自然人')).toBeVisible()
  await box.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${DEMO_PERSON_ID}$`))
  const result = page.getByTestId('search-result')
  await expect(result).toHaveCount(1)
  await expect(result).toContainText('赵*明')
  await expect(page.locator('body')).not.toContainText('赵小明')
  // the answer itself shows the number masked (the title echoes what was typed)
  await expect(result).not.toContainText(DEMO_PERSON_ID)

  await page.goto('/search?q=赵小明')
  await expect(page.getByText('未找到名称包含“赵小明”的主体')).toBeVisible()
  await expect(page.getByTestId('search-result')).toHaveCount(0)
})
