import { openSubject, signIn } from './console'
import { expect, test } from './fixtures'

// 信用承诺: a district officer registers a commitment a subject signed on its internal page
// (the standard text of the kind when none is written), and anyone sees it on the public
// profile. Runs at desktop and phone widths: each run registers its own commitment.
test.describe.configure({ timeout: 90_000 })

test('a commitment registered by the officer shows on the public profile', async ({ page, browser }) => {
  // given: officer.heping (和平区) on a 和平区 demo subject
  const name = '沈阳盛安智能安防工程有限公司'
  const matter = `E2E承诺事项${Date.now()}`
  await signIn(page, 'officer.heping')
  await openSubject(page, name)
  const uscc = (await page.getByTestId('subject-uscc').textContent())!.trim()
  const panel = page.getByTestId('subject-commitments')

  // when: the officer registers a 许可承诺书 with the standard text
  await panel.getByTestId('commitment-register').click()
  const dialog = page.getByTestId('commitment-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('commitment-matter').fill(matter)
  await dialog.getByTestId('commitment-submit').click()
  await expect(dialog).toBeHidden()

  // then: the subject page lists it as active, with the template text naming the matter
  const row = panel.getByTestId('commitment-row').filter({ hasText: matter })
  await expect(row).toContainText('许可承诺书')
  await expect(row).toContainText('有效')
  await expect(row).toContainText(`“${matter}”`)

  // and anyone (no sign-in) sees it on the public profile
  const visitor = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const publicPage = await visitor.newPage()
  await publicPage.goto(`/subjects/${uscc}?tab=commitments`)
  const item = publicPage.getByTestId('public-commitment').filter({ hasText: matter })
  await expect(item).toContainText('许可承诺书')
  await expect(item).toContainText('有效')
  await expect(item).toContainText('无违诺记录')
  await visitor.close()
})

test('the public profile shows a breached licence commitment with its decision', async ({ page }) => {
  // given: the demo's Wugang hotel, whose licence commitment was breached (一般失信)
  await page.goto('/search?q=舞钢市华泰宾馆')
  await page.getByRole('link', { name: /舞钢市华泰宾馆有限公司/ }).first().click()
  await page.getByTestId('profile-tabs').getByRole('tab', { name: '信用承诺' }).click()
  // then
  const item = page.getByTestId('public-commitment').filter({ hasText: '旅馆业特种行业许可证' })
  await expect(item).toContainText('许可承诺书')
  await expect(item.getByTestId('public-commitment-breach')).toContainText('违反许可承诺书')
  await expect(item.getByTestId('public-commitment-breach')).toContainText('承诺字')
})
