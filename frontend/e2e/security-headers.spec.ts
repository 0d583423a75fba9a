import { test as plain } from '@playwright/test'
import { expect, test } from './fixtures'

// The SPA runs under the server's Content-Security-Policy (every test, through the
// noCspViolations fixture); here: the policy is really sent and really enforced.

test('the SPA is served with the security headers', async ({ page }) => {
  const response = await page.goto('/')
  const headers = response?.headers() ?? {}
  expect(headers['content-security-policy']).toContain("script-src 'self'")
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['x-frame-options']).toBe('DENY')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用查询')
})

// Without the auto fixtures: this test provokes a violation on purpose.
plain('an injected inline script does not run', async ({ page }) => {
  await page.goto('/')
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; blocked: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) =>
          resolve({ ran: 'injected' in window, blocked: event.violatedDirective }),
        )
        const script = document.createElement('script')
        script.textContent = 'window.injected = true'
        document.body.appendChild(script)
      }),
  )
  expect(outcome).toEqual({ ran: false, blocked: 'script-src-elem' })
})
