import type { Page } from '@playwright/test'
import { asUser, fillDate, openSubject, signIn, today } from './console'
import { expect, expectNoHorizontalScroll, test } from './fixtures'

// The correction loop (issue 14, item 2): the city reviewer returns an officer's record with
// a reason; the officer sees it on the dashboard, reopens it, corrects the decision number
// and submits it again; the reviewer's cards warn about anything unusual. Each run enters
// its own record (its own decision number), so it runs at desktop and phone widths.
test.describe.configure({ timeout: 150_000 })

const SUBJECT = '沈阳盛安智能安防工程有限公司' // 和平区: officer.heping's scope
const REASON = '决定文书号与原件不符，请核对后重新提交'

async function filterAndChoose(page: Page, select: string, typed: string, option: RegExp): Promise<void> {
  await page.getByTestId(select).click()
  await page.keyboard.type(typed)
  const found = page.locator('.el-select-dropdown:visible').getByRole('option', { name: option }).first()
  await found.scrollIntoViewIfNeeded()
  await found.click()
}

/** Enter a 第九条（八） watch-list case and submit it; the situation list is filtered by typing
 * (on a phone the long list scrolls under the finger). Returns its decision number. */
async function enterCase(page: Page, summary: string): Promise<string> {
  const decisionNo = `沈公技防警〔E2E〕${Date.now()}号`
  await page.getByTestId('enter-record').click()
  await expect(page.getByTestId('record-form')).toBeVisible()
  await filterAndChoose(page, 'record-type', '警示目录', /警示目录”情况/)
  await filterAndChoose(page, 'situation', '用户投诉', /因服务受到用户投诉/)
  await fillDate(page.getByTestId('occurred-on'), today())
  await page.getByTestId('summary').fill(summary)
  await page.getByTestId('decision-no').fill(decisionNo)
  await fillDate(page.getByTestId('decision-date'), today())
  await page.getByTestId('issuing-unit').fill('沈阳市公安局和平分局')
  await page.getByTestId('save-submit').click()
  await expect(page.getByTestId('subject-name')).toBeVisible()
  return decisionNo
}

async function reviewItem(page: Page, text: string) {
  await page.goto('/console/review')
  return page.getByTestId('review-item').filter({ hasText: text })
}

test('a returned record is reopened, corrected and resubmitted; the reviewer sees the warnings', async ({ page, browser }, testInfo) => {
  // given: officer.heping enters a watch-list case and submits it
  await signIn(page, 'officer.heping')
  await openSubject(page, SUBJECT)
  const summary = `E2E退回修改（${testInfo.project.name === 'desktop' ? '桌面' : '手机'}）`
  const wrongNo = await enterCase(page, summary)

  // when: the city reviewer returns it with a reason
  const reviewer = await asUser(browser, 'reviewer')
  const item = await reviewItem(reviewer.page, wrongNo)
  await expect(item).toHaveCount(1)
  await item.getByTestId('action-reject').click()
  const dialog = reviewer.page.locator('.reason-dialog')
  await dialog.locator('textarea').fill(REASON)
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(reviewer.page.getByTestId('review-item').filter({ hasText: wrongNo })).toHaveCount(0)

  // then: the officer's dashboard counts it, and the count leads to the returned records
  await page.goto('/console')
  const figure = page.getByTestId('figure-returned')
  await expect(figure).toBeVisible()
  expect(Number(await figure.locator('.figure__value').textContent())).toBeGreaterThanOrEqual(1)
  await expectNoHorizontalScroll(page)
  await figure.click()
  await expect(page).toHaveURL(/status=REJECTED/)
  const row = page.locator('.el-table__row').filter({ hasText: wrongNo })
  await expect(row.getByTestId('row-return-reason')).toHaveText(REASON)

  // when: the officer opens it, reopens it (重新编辑) and corrects the decision number
  await row.click()
  const card = page.getByTestId('record-card').filter({ hasText: summary })
  await expect(card.getByTestId('return-reason')).toContainText(REASON)
  await card.getByTestId('action-reopen').click()
  await expect(card.getByTestId('action-edit')).toBeVisible()
  await card.getByTestId('action-edit').click()
  await expect(page.getByTestId('record-form')).toBeVisible()
  await expect(page.getByTestId('decision-no')).toHaveValue(wrongNo)
  const fixedNo = wrongNo.replace('〔E2E〕', '〔E2E改〕')
  await page.getByTestId('decision-no').fill(fixedNo)
  await page.getByTestId('save-submit').click()

  // then: it is submitted again, its history kept, and the reviewer has it back
  await expect(page.getByTestId('subject-name')).toHaveText(SUBJECT)
  const back = page.getByTestId('record-row').filter({ hasText: summary })
  await expect(back.getByTestId('record-status')).toHaveAttribute('data-status', 'SUBMITTED')
  await expect(page.getByTestId('record-card').filter({ hasText: summary })).toContainText(fixedNo)
  const again = await reviewItem(reviewer.page, fixedNo)
  await expect(again).toHaveCount(1)

  // and: the reviewer's card warns about a decision number used on two records (demo data)
  const twice = reviewer.page.getByTestId('review-item').filter({ hasText: '就擅自安装技防系统约谈企业负责人' })
  await expect(twice.getByTestId('review-warnings')).toContainText('另有 1 条信用信息使用')
  await expectNoHorizontalScroll(reviewer.page)
  await reviewer.context.close()
})

test('a draft is deleted by its author after confirming', async ({ page }, testInfo) => {
  await signIn(page, 'officer.heping')
  await openSubject(page, SUBJECT)
  // a draft (saved, not submitted)
  await page.getByTestId('enter-record').click()
  await expect(page.getByTestId('record-form')).toBeVisible()
  const summary = `E2E草稿删除（${testInfo.project.name === 'desktop' ? '桌面' : '手机'}）`
  await page.getByTestId('record-type').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: /备案信息/ }).first().click()
  const occurred = page.getByTestId('occurred-on').locator('input').first()
  await occurred.fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
  await occurred.press('Enter')
  await page.getByTestId('summary').fill(summary)
  await page.getByTestId('save-draft').click()
  await expect(page.getByTestId('subject-name')).toHaveText(SUBJECT)
  const card = page.getByTestId('record-card').filter({ hasText: summary })
  await expect(card).toBeVisible()
  // when the author deletes it, confirming
  await card.getByTestId('action-delete').click()
  await page.locator('.confirm-dialog').getByRole('button', { name: '确定' }).click()
  // then it is gone from the subject's records
  await expect(page.getByTestId('record-row').filter({ hasText: summary })).toHaveCount(0)
})
