import { afterEach, describe, expect, it, vi } from 'vitest'
import { LogoutMutation } from '@/auth/operations'
import { DistrictsQuery } from '@/features/lists/operations'
import { request } from './client'
import { ApiError } from './errors'

function respond(body: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => vi.unstubAllGlobals())

describe('request', () => {
  it('POSTs the operation to /graphql with the session cookie and returns data', async () => {
    const fetchMock = respond({ data: { districts: [{ code: '210102', name: '和平分局' }] } })
    const data = await request(DistrictsQuery, {})
    expect(data.districts[0]?.name).toBe('和平分局')

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/graphql')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('include')
    const body = JSON.parse(String(init.body))
    expect(body.operationName).toBe('Districts')
    expect(body.query).toContain('districts')
  })

  it('sends the payload errors fragment without the codegen-only @unmask directive', async () => {
    const fetchMock = respond({ data: { logout: { ok: true, errors: [] } } })
    await request(LogoutMutation, {})
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    const { query } = JSON.parse(String(init.body)) as { query: string }
    expect(query).toContain('...AccountErrorFields')
    expect(query).toContain('fragment UserErrorFields on UserError')
    expect(query).not.toContain('@unmask')
  })

  it('throws an ApiError carrying extensions.code', async () => {
    respond({ data: null, errors: [{ message: '统一社会信用代码应为18位', extensions: { code: 'INVALID_USCC' } }] })
    const error = await request(DistrictsQuery, {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'INVALID_USCC', message: '统一社会信用代码应为18位' })
  })

  it('maps an unknown code to UNKNOWN', async () => {
    respond({ errors: [{ message: 'x', extensions: { code: 'SOMETHING_NEW' } }] })
    await expect(request(DistrictsQuery, {})).rejects.toMatchObject({ code: 'UNKNOWN' })
  })

  it('maps HTTP 429 without a JSON body to RATE_LIMITED', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('slow down', { status: 429 })))
    await expect(request(DistrictsQuery, {})).rejects.toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('maps a failed connection to NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(request(DistrictsQuery, {})).rejects.toMatchObject({ code: 'NETWORK' })
  })

  it('lets an abort through as an AbortError, not as an ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))))
    await expect(request(DistrictsQuery, {})).rejects.toMatchObject({ name: 'AbortError' })
  })
})
