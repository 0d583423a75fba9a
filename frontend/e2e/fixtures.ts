import { mkdirSync } from 'node:fs'
import { test as base, expect, type Page } from '@playwright/test'

export const ARTIFACTS = 'e2e-artifacts'

/** A path-safe name for a test's screenshot: project and title. */
function artifactName(project: string, title: string): string {
  return `${project}-${title}`.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')
}

/**
 * `test` with automatic fixtures: no uncaught page errors, and saving a screenshot of the last page of every test
 * (pass or fail) under e2e-artifacts/, for a person to look at.
 */
export const test = base.extend<{ lastPageScreenshot: void; noPageErrors: void; noCspViolations: void }>({
  // The Content-Security-Policy must not block anything the SPA does (Chromium reports each
  // blocked script, style or request as a console error naming the policy).
  noCspViolations: [
    async ({ page }, use) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
          violations.push(message.text())
        }
      })
      await use()
      expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
  // Any uncaught exception in the page fails the test.
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      await use()
      expect(errors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
  lastPageScreenshot: [
    async ({ page }, use, testInfo) => {
      await use()
      mkdirSync(ARTIFACTS, { recursive: true })
      const path = `${ARTIFACTS}/${artifactName(testInfo.project.name, testInfo.title)}.png`
      await page.screenshot({ path, fullPage: true }).catch(() => undefined)
    },
    { auto: true },
  ],
})

/** Record every /graphql request the page sends. */
export function watchGraphQL(page: Page): string[] {
  const seen: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') seen.push(request.postData() ?? '')
  })
  return seen
}

/** The page never scrolls sideways (mobile layout check). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

export { expect }
