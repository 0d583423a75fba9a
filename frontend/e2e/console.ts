import type { Browser, Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** Every demo account's password (backend/credit/demo/load.py). */
export const DEMO_PASSWORD = 'Demo#2026'

/** Sign in on the console's sign-in page and wait for the console. */
export async function signIn(page: Page, username: string, then = '/console'): Promise<void> {
  await page.goto(`/console/login?redirect=${encodeURIComponent(then)}`)
  await page.getByTestId('username').fill(username)
  await page.getByTestId('password').fill(DEMO_PASSWORD)
  await page.getByTestId('sign-in').click()
  await expect(page.getByTestId('current-user')).toBeVisible()
}

/** A new browser context (its own cookies) signed in as `username`. */
export async function asUser(browser: Browser, username: string, then = '/console') {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await signIn(page, username, then)
  return { context, page }
}

/** Choose `option` in the Element Plus select `select` (its dropdown is teleported to body). */
export async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await select.click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option }).first().click()
}

/** Fill the Element Plus date picker inside `item` with a YYYY-MM-DD date. */
export async function fillDate(item: Locator, date: string): Promise<void> {
  const input = item.locator('input').first()
  await input.fill(date)
  await input.press('Enter')
}

export function today(): string {
  const d = new Date(Date.now() + 8 * 3600_000) // Asia/Shanghai, as the browser context
  return d.toISOString().slice(0, 10)
}

/** Open a subject of the user's scope from the console's subject search. */
export async function openSubject(page: Page, name: string): Promise<void> {
  await page.goto(`/console/subjects?q=${encodeURIComponent(name)}`)
  await page.getByTestId('subject-link').filter({ hasText: name }).first().click()
  await expect(page.getByTestId('subject-name')).toHaveText(name)
}

/**
 * Enter a watch-list case (a 第九条 situation chosen from the list) for the subject open on
 * the page, and submit it for review. Returns the decision number it carries.
 */
export async function enterWatchListCase(page: Page, situation: RegExp, summary: string): Promise<string> {
  const decisionNo = `沈公技防警〔E2E〕${Date.now()}号`
  await page.getByTestId('enter-record').click()
  await expect(page.getByTestId('record-form')).toBeVisible()
  await choose(page, page.getByTestId('record-type'), /警示目录”情况/)
  await choose(page, page.getByTestId('situation'), situation)
  await fillDate(page.getByTestId('occurred-on'), today())
  await page.getByTestId('summary').fill(summary)
  await page.getByTestId('decision-no').fill(decisionNo)
  await fillDate(page.getByTestId('decision-date'), today())
  await page.getByTestId('issuing-unit').fill('沈阳市公安局')
  await page.getByTestId('save-submit').click()
  await expect(page.getByTestId('subject-name')).toBeVisible()
  return decisionNo
}

/** As the reviewer: verify then publish the queued record whose decision number is `decisionNo`. */
export async function verifyAndPublish(page: Page, decisionNo: string): Promise<void> {
  await page.goto('/console/review')
  const item = page.getByTestId('review-item').filter({ hasText: decisionNo })
  await expect(item).toHaveCount(1)
  await expect(item.getByTestId('record-status').first()).toHaveAttribute('data-status', 'SUBMITTED')
  await item.getByTestId('action-verify').click()
  await expect(item.getByTestId('record-status').first()).toHaveAttribute('data-status', 'VERIFIED')
  await item.getByTestId('action-publish').click()
  await expect(item).toHaveCount(0)
}
