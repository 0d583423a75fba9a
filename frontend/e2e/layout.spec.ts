import { expect, expectNoHorizontalScroll, test, watchGraphQL } from './fixtures'

// Needs no data: runs against the real backend or a plain `vite preview`.

test('home page: title, navigation and a code fault without any request', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用查询')
  // (the home page's own list counts and latest publications load first)
  await page.waitForLoadState('networkidle')
  const graphql = watchGraphQL(page)
  const nav = page.getByRole('navigation').first()
  for (const name of ['信用查询', '红名单', '警示目录', '黑名单']) {
    await expect(nav.getByRole('link', { name })).toBeVisible()
  }
  await expect(page.getByRole('link', { name: '登录' })).toHaveAttribute('href', '/console/login')

  await page.getByRole('textbox', { name: '统一社会信用代码 或 名称' }).fill('01110000600037341X')
  await expect(page.getByTestId('uscc-fault')).toHaveText('第1位登记管理部门代码“0”不合法')
  await expectNoHorizontalScroll(page)
  expect(graphql).toHaveLength(0)
})

test('language switch: English and back, remembered across a reload', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Credit search')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Credit search')
  await expectNoHorizontalScroll(page)
  await page.getByTestId('language-switch').getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用查询')
})

test('a malformed code in the address shows its fault, with no request', async ({ page }) => {
  const graphql = watchGraphQL(page)
  await page.goto('/subjects/91310115MA1K3BTP2C')
  await expect(page.getByTestId('invalid-uscc')).toContainText('校验码错误：第18位应为“B”')
  await expectNoHorizontalScroll(page)
  expect(graphql).toHaveLength(0)
})

test('the sign-in placeholder and an unknown page render', async ({ page }) => {
  await page.goto('/console/login')
  await expect(page.getByText('工作人员登录')).toBeVisible()
  await page.goto('/no/such/page')
  await expect(page.getByText('页面不存在')).toBeVisible()
})
