import { vi } from 'vitest'

/** A fetch stub answering /graphql by operation name; records every call. */
export function stubGraphQL(handlers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: Array<{ operationName: string; variables: Record<string, unknown> }> = []
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { operationName: string; variables: Record<string, unknown> }
    calls.push({ operationName: body.operationName, variables: body.variables })
    const handler = handlers[body.operationName]
    if (!handler) throw new Error(`no stub for ${body.operationName}`)
    const payload = handler(body.variables)
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}
