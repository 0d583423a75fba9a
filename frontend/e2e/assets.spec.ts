import { signIn } from './console'
import { expect, test } from './fixtures'

// A citizen's first visit (issue 16 item 3): what the browser really downloads, as Chromium
// counts it on the wire (compressed bytes and headers), with an empty cache.
const PUBLIC_FIRST_VISIT_LIMIT = 300 * 1024

test('a first visit to the public site downloads at most 300 KB, and no console code @desktop-only', async ({
  page,
}) => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const urls = new Map<string, string>()
  let transferred = 0
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url))
  cdp.on('Network.loadingFinished', (event) => {
    transferred += event.encodedDataLength
  })
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.waitForLoadState('networkidle')
  const scripts = [...urls.values()].filter((url) => url.endsWith('.js'))
  expect(scripts.length).toBeGreaterThan(0)
  // The console's layout and views are loaded on the way into the console, never before.
  expect(scripts.filter((url) => /Console|Dashboard|Review|Users|Audit/.test(url))).toEqual([])
  test.info().annotations.push({ type: 'transferred bytes', description: String(transferred) })
  expect(transferred, `transferred ${transferred} bytes`).toBeLessThanOrEqual(PUBLIC_FIRST_VISIT_LIMIT)

  // The check above names real chunks: signing in loads the console's layout.
  await signIn(page, 'officer.heping')
  expect([...urls.values()].filter((url) => /ConsoleLayout-[\w-]+\.js$/.test(url))).toHaveLength(1)
})

test('hashed assets are compressed and immutable, the page revalidates @desktop-only', async ({
  page,
  request,
}) => {
  // (index.html itself is under the 1 KB below which the build does not compress.)
  const index = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } })
  expect(index.headers()['cache-control']).toBe('no-cache')
  await page.goto('/')
  const script = await page.locator('script[type="module"]').first().getAttribute('src')
  expect(script).toMatch(/^\/assets\/.+\.js$/)
  for (const coding of ['br', 'gzip']) {
    const asset = await request.get(script!, { headers: { 'accept-encoding': coding } })
    expect(asset.headers()['content-encoding']).toBe(coding)
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.headers()['vary']).toBe('Accept-Encoding')
  }
})
