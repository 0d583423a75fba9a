import type { Page } from '@playwright/test'
import { signIn } from './console'
import { expect, test } from './fixtures'

/**
 * Plain Chinese on every page (issue 14 item 9): the walker takes the router's own routes
 * (every feature's, so a new page is walked without editing this file), opens each public
 * page signed out and each console page as every demo role that may open it, and fails on
 * any raw identifier or untranslated English in the visible text.
 */

interface RouteInfo {
  path: string
  name: string
}

/** The demo accounts (backend/credit/demo/load.py) whose console pages are walked. */
const ROLES = ['admin', 'reviewer', 'officer.heping', 'enterprise', 'association', 'wg.officer']

/**
 * Values of the routes' params from the demo data, found through the pages themselves.
 * A route with a param missing here fails the walk: add its value (one line).
 */
const PARAMS: Record<string, (page: Page) => Promise<string[]>> = {
  // public lists: each of them
  kind: async () => ['red', 'watch', 'black'],
  // a blacklisted enterprise: its profile has records, list entries and measures
  uscc: async (page) => {
    await page.goto('/lists/black')
    const href = await page.getByTestId('entry-link').first().getAttribute('href')
    return href ? [decodeURIComponent(href.split('/').pop()!)] : []
  },
  // the first subject of the signed-in user's scope
  id: async (page) => {
    await page.goto('/console/subjects')
    const link = page.getByTestId('subject-link').first()
    if (!(await link.count())) return []
    const href = await link.getAttribute('href')
    return href ? [href.split('/').pop()!] : []
  },
}

/**
 * Values of a param for one route, where the param's name alone would give another kind of
 * id (a subject's id is no API token's): the walk then always opens a real one.
 */
const ROUTE_PARAMS: Record<string, (page: Page) => Promise<string[]>> = {
  // the demo's partner token with watches (backend/credit/demo), whose deliveries it lists
  'console-api-token-watch:id': async (page) => {
    await page.goto('/console/api-tokens')
    const open = page.getByTestId('token-watch').first()
    if (!(await open.count())) return []
    await open.click()
    await page.waitForURL(/\/console\/api-tokens\/\d+\/watch/)
    return [new URL(page.url()).pathname.split('/').at(-2)!]
  },
}

/** Query strings some pages need to show anything. */
const QUERIES: Record<string, string> = { search: '?q=沈阳' }

// Raw identifiers, each with what it is (for the failure message).
const PATTERNS: Array<[string, RegExp]> = [
  ['snake_case', /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/],
  ['dotted.name', /\b[a-z_]+\.[a-z_]+\b/],
  ['#id operator', /#\d+/],
  ['ENUM_NAME', /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/],
  ['JSON', /[{}]|"\w+"\s*:/],
]
/** Tokens people legitimately read, removed before looking for English words. */
const ALLOWED: RegExp[] = [
  /https?:\/\/\S+/g, // URLs
  /\b[0-9A-Z]{18}\b/g, // USCC codes
  /\b[0-9A-Z]+(?:-[0-9A-Z]+)+\b/g, // unit, district and acknowledgement codes (SY-210102, JB20260105-000012)
  /\b\d{6}\*+\d{3}[\dX]\b/g, // masked ID numbers
  /\.(?:xlsx|csv|jsonl|ndjson|pdf|jpg|png)\b/gi, // file extensions
  /(?<![A-Za-z])(?:A{1,3}|B{1,3}|C{1,3})[+-]?(?![A-Za-z])/g, // an association's rating scale (AAA, BB+)
]
const ALLOWED_WORDS = new Set(
  ['PDF', 'API', 'Excel', 'CSV', 'XLSX', 'JPEG', 'JPG', 'PNG', 'OFD', 'DOCX', 'GraphQL', 'GraphiQL', 'JSON', 'URL', 'ID', 'MB', 'KB'],
)

function problems(text: string): string[] {
  const found: string[] = []
  for (const line of text.split('\n')) {
    for (const [what, pattern] of PATTERNS) {
      const m = line.match(pattern)
      if (m && !/https?:\/\//.test(line)) found.push(`${what}: “${m[0]}” in “${line.trim().slice(0, 80)}”`)
    }
    let rest = line
    for (const allowed of ALLOWED) rest = rest.replace(allowed, ' ')
    for (const word of rest.match(/[A-Za-z]{3,}/g) ?? []) {
      if (!ALLOWED_WORDS.has(word)) found.push(`English: “${word}” in “${line.trim().slice(0, 80)}”`)
    }
  }
  return found
}

/** The router's routes, from the running SPA (the app instance on its mount element). */
async function appRoutes(page: Page): Promise<RouteInfo[]> {
  await page.goto('/')
  await expect(page.locator('#app')).not.toBeEmpty()
  return page.evaluate(() => {
    type Router = { getRoutes(): Array<{ path: string; name?: string | symbol; components?: unknown }> }
    const app = (document.querySelector('#app') as unknown as { __vue_app__: { config: { globalProperties: { $router: Router } } } })
      .__vue_app__
    return app.config.globalProperties.$router
      .getRoutes()
      .filter((r) => r.components && !r.path.includes('pathMatch') && typeof r.name === 'string')
      .map((r) => ({ path: r.path, name: r.name as string }))
  })
}

/** Every concrete URL of a route (one per param value), or an error naming a missing param. */
async function urlsOf(page: Page, route: RouteInfo): Promise<string[]> {
  const params = [...route.path.matchAll(/:(\w+)(\([^)]*\))?/g)]
  let urls = [route.path]
  for (const [token, name] of params) {
    const resolve = ROUTE_PARAMS[`${route.name}:${name}`] ?? PARAMS[name!]
    if (!resolve) throw new Error(`no demo value for the param “${name}” of ${route.path}: add it to PARAMS`)
    const values = await resolve(page)
    urls = urls.flatMap((u) => values.map((v) => u.replace(token, encodeURIComponent(v))))
  }
  return urls.map((u) => u + (QUERIES[route.name] ?? ''))
}

/** Open `url` and return the problems of its visible text, once the page has settled. */
async function walk(page: Page, url: string, opened = false): Promise<string[]> {
  if (!opened) await page.goto(url)
  await page.waitForLoadState('networkidle')
  // Skeletons and loading masks go once the data is there (a page stuck on one is still read).
  await expect(page.locator('.el-skeleton, .el-loading-mask:visible'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined)
  // Literal data a person reads as typed (usernames, unit codes) is marked translate="no":
  // the HTML attribute for "not a word of the page's language".
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement
    body.querySelectorAll('[translate="no"]').forEach((e) => e.remove())
    document.body.append(body)
    body.style.cssText = 'position:absolute;left:-99999px;top:0'
    const out = body.innerText
    body.remove()
    return out
  })
  return problems(text).map((p) => `${url}: ${p}`)
}

test('every public page reads in plain Chinese @desktop-only', async ({ page }) => {
  test.setTimeout(300_000)
  const routes = (await appRoutes(page)).filter((r) => !r.path.startsWith('/console/') || r.name === 'console-login')
  expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(['home', 'subject', 'list', 'public-report']))
  const found: string[] = []
  for (const route of routes) {
    for (const url of await urlsOf(page, route)) found.push(...(await walk(page, url)))
  }
  expect(found, found.join('\n')).toEqual([])
})

for (const role of ROLES) {
  test(`every console page ${role} may open reads in plain Chinese @desktop-only`, async ({ page }) => {
    test.setTimeout(600_000)
    const routes = (await appRoutes(page)).filter((r) => r.path.startsWith('/console') && r.name !== 'console-login')
    expect(routes.length).toBeGreaterThan(10)
    await signIn(page, role)
    const found: string[] = []
    let walked = 0
    for (const route of routes) {
      if (route.name === 'console-forbidden') continue
      for (const url of await urlsOf(page, route)) {
        await page.goto(url)
        // A page this role may not open sends it to the forbidden page: not its page.
        if (new URL(page.url()).pathname.startsWith('/console/forbidden')) continue
        found.push(...(await walk(page, url, true)))
        walked += 1
      }
    }
    expect(walked).toBeGreaterThan(0)
    expect(found, found.join('\n')).toEqual([])
  })
}
