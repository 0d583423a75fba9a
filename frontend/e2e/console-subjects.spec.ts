import type { Page } from '@playwright/test'
import { asUser, signIn } from './console'
import { expect, expectNoHorizontalScroll, test } from './fixtures'

// Subjects managed in the console (新建主体 / 编辑主体, 曾用名), and one policy's vocabulary:
// a Shenyang officer is offered only Shenyang record types, no grade chart and no reminders.
test.describe.configure({ timeout: 90_000 })

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** A valid USCC no demo subject has (GB 32100-2015 check digit), new at every run. */
function freshUscc(): string {
  const tail = Date.now().toString().slice(-7) + String(Math.floor(Math.random() * 10))
  const body = `91210102E${tail.padStart(8, '0')}`
  const sum = [...body].reduce((n, c, i) => n + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0)
  return body + ALPHABET[(31 - (sum % 31)) % 31]
}

async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByTestId('menu-toggle')
  if (await toggle.isVisible()) await toggle.click()
  await expect(page.getByTestId('console-menu')).toBeVisible()
}

test('an officer creates a subject in their district, renames it and sees the former name', async ({ page, browser }) => {
  // given: the 和平区 officer on the subject list
  const uscc = freshUscc()
  const name = `沈阳E2E新建技防有限公司${uscc.slice(-5)}`
  const renamed = `沈阳E2E更名技防有限公司${uscc.slice(-5)}`
  await signIn(page, 'officer.heping', '/console/subjects')

  // when: 新建主体 with a lower-case, full-width-spaced code (normalised as the import does)
  await page.getByTestId('subject-new').click()
  await expect(page.getByTestId('subject-form')).toBeVisible()
  await page.getByTestId('subject-form-name').fill(name)
  await page.getByTestId('subject-form-uscc').fill(`  ${uscc.toLowerCase()}\u3000`)
  await page.getByTestId('subject-form-legal-representative').fill('赵六')
  await page.getByTestId('subject-form-licence').fill('沈技防备字第E2E号')
  await expectNoHorizontalScroll(page)
  await page.getByTestId('subject-form-save').click()

  // then: its page, in 和平区 (the officer's only district), with the normalised code
  await expect(page.getByTestId('subject-name')).toHaveText(name)
  await expect(page.getByTestId('subject-uscc')).toHaveText(uscc)
  await expect(page.getByTestId('subject-legal-representative')).toHaveText('赵六')
  await expect(page.getByTestId('subject-policy')).toHaveText('沈公发〔2018〕4号')
  await expect(page.getByTestId('name-history-empty')).toBeVisible()

  // when: the same code again is a duplicate naming the existing subject
  await page.goto('/console/subjects/new')
  await page.getByTestId('subject-form-name').fill('重复的主体')
  await page.getByTestId('subject-form-uscc').fill(uscc)
  await page.getByTestId('subject-form-save').click()
  await expect(page.getByTestId('subject-duplicate')).toContainText(name)
  await expect(page.locator('.el-form-item.is-error')).toContainText('已登记')

  // when: 编辑主体, a new name
  await page.getByTestId('subject-duplicate').getByRole('link', { name }).click()
  await page.getByTestId('subject-edit').click()
  await page.getByTestId('subject-form-name').fill(renamed)
  await page.getByTestId('subject-form-save').click()

  // then: the internal page shows the new name and the history (old → new, who)
  await expect(page.getByTestId('subject-name')).toHaveText(renamed)
  const history = page.getByTestId('name-history')
  await expect(history).toContainText(name)
  await expect(history).toContainText(renamed)
  await expect(history).toContainText('和平区分局民警')
  await expectNoHorizontalScroll(page)

  // and the public profile shows only the current name
  const visitor = await browser.newContext({ locale: 'zh-CN' })
  const publicPage = await visitor.newPage()
  await publicPage.goto(`/subjects/${uscc}`)
  await expect(publicPage.getByText(renamed).first()).toBeVisible()
  await expect(publicPage.getByText(name)).toHaveCount(0)
  await visitor.close()
})

test('bad input is shown on its field and nothing is created', async ({ page }) => {
  await signIn(page, 'officer.heping', '/console/subjects/new')
  await page.getByTestId('subject-form-name').fill('校验码错误的公司')
  await page.getByTestId('subject-form-uscc').fill('91110000600037341A')
  await page.getByTestId('subject-form-save').click()
  await expect(page.locator('.el-form-item.is-error')).toContainText('校验码错误')
  await expect(page).toHaveURL(/\/console\/subjects\/new$/)
})

test('a Shenyang officer is offered Shenyang record types only, no grades and no reminders', async ({ page }) => {
  // given: the 铁西区 officer
  await signIn(page, 'officer.tiexi')

  // then: the dashboard has no grade chart (Shenyang does not grade), the lists chart stays
  await expect(page.getByTestId('chart-lists')).toBeVisible()
  await expect(page.getByTestId('chart-grades')).toHaveCount(0)
  await openMenu(page)
  await expect(page.getByTestId('menu-console-subjects')).toBeVisible()
  await expect(page.getByTestId('menu-console-reminders')).toHaveCount(0)

  // and the record form for a Shenyang enterprise offers no Wugang-only type
  await page.goto('/console/subjects')
  await expect(page.getByTestId('grade-filter')).toHaveCount(0)
  await page.getByTestId('subject-link').first().click()
  await page.getByTestId('enter-record').click()
  await expect(page.getByTestId('record-type-policy')).toContainText('沈公发〔2018〕4号')
  await page.getByTestId('record-type').click()
  const options = page.locator('.el-select-dropdown:visible')
  await expect(options.getByRole('option', { name: /警示目录”情况/ })).toBeVisible()
  await expect(options.getByRole('option', { name: /违反许可承诺书/ })).toHaveCount(0)
  await expect(options.getByRole('option', { name: /国家公共信用综合评价/ })).toHaveCount(0)
})

test('a Wugang officer sees the grade chart and the reminders', async ({ browser }) => {
  const { context, page } = await asUser(browser, 'wg.officer')
  await expect(page.getByTestId('chart-grades')).toBeVisible()
  await openMenu(page)
  await expect(page.getByTestId('menu-console-reminders')).toBeVisible()
  await page.goto('/console/subjects')
  await page.getByTestId('subject-link').first().click()
  await page.getByTestId('enter-record').click()
  await page.getByTestId('record-type').click()
  // a type's name and article are long: on a phone the list stays inside the screen (a wider
  // list would widen the page, zoom it out and put its options out of reach)
  await expect(page.locator('.el-select-dropdown:visible').getByRole('option').first()).toBeVisible()
  await expectNoHorizontalScroll(page)
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: /违反许可承诺书/ }).click()
  await page.getByTestId('record-type').click()
  await expect(page.locator('.el-select-dropdown:visible').getByRole('option', { name: /警示目录”情况/ })).toHaveCount(0)
  await context.close()
})
