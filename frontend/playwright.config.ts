import { defineConfig, devices } from '@playwright/test'

// The real backend (reset Postgres, migrations, demo data, the built SPA) on E2E_PORT.
// Set E2E_EXTERNAL_SERVER=1 to test a server started elsewhere (e.g. `vite preview`).
const port = process.env.E2E_PORT ?? '8765'
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`
const external = process.env.E2E_EXTERNAL_SERVER === '1'

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    headless: true,
    testIdAttribute: 'data-test',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // A test tagged @desktop-only / @mobile-only runs in that project alone (e.g. the console
  // scenarios that change the shared demo data run once).
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] }, grepInvert: /@mobile-only/ },
    {
      name: 'mobile',
      use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
      grepInvert: /@desktop-only/,
    },
  ],
  webServer: external
    ? undefined
    : {
        command: 'make -C .. e2e-server',
        url: `${baseURL}/healthz`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
})
