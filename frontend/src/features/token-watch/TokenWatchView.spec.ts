import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetSession } from '@/auth/session'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountWithApp } from '@/test/mount'
import { meOf, sessionHandlers, signInForTest } from '@/test/session'
import TokenWatchView from './views/TokenWatchView.vue'

const ADMIN = meOf('ADMIN', ['VIEW_INTERNAL', 'MANAGE_API_TOKENS'])

const delivery = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  id,
  uscc: '91210100MA0XXXXX1X',
  eventId: `evt-${id}`,
  eventKind: 'LIST_ENTRY_ADDED',
  status,
  attempts: 3,
  nextAttemptAt: '2026-03-02T10:00:00+08:00',
  lastAttemptAt: '2026-03-02T09:00:00+08:00',
  lastStatusCode: 502,
  lastError: 'HTTP 502',
  deliveredAt: null,
  createdAt: '2026-03-02T08:00:00+08:00',
  attemptLog: [],
  ...extra,
})

function handlers(nodes: unknown[]) {
  return {
    ...sessionHandlers(ADMIN),
    TokenWatch: () => ({
      data: {
        apiTokenWatch: { tokenId: '3', watchCount: 2, webhookUrl: 'https://partner.example/hook', webhookUpdatedAt: null, pendingCount: 0, deliveredCount: 1, failedCount: 1 },
        apiTokens: [{ id: '3', name: '政府采购中心 · 投标人关注', prefix: 'cr_3' }],
      },
    }),
    TokenWatchDeliveries: () => ({
      data: {
        apiTokenWatchDeliveries: {
          totalCount: nodes.length,
          pageInfo: { hasNextPage: false, endCursor: null },
          edges: nodes.map((node, i) => ({ cursor: `c${i}`, node })),
        },
      },
    }),
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  resetSession()
})

async function mountView(nodes: unknown[]) {
  const stub = stubGraphQL(handlers(nodes))
  await signInForTest()
  const { wrapper } = await mountWithApp(TokenWatchView, { at: '/console/api-tokens/3/watch' })
  await flushPromises()
  return { wrapper, ...stub }
}

describe('TokenWatchView', () => {
  it("shows the token's watches and its delivery log, in words, with a re-drive for failed ones only", async () => {
    const delivered = delivery('1', 'DELIVERED', { deliveredAt: '2026-03-01T12:00:00+08:00', lastError: null, eventKind: '' })
    const { wrapper, calls } = await mountView([delivery('2', 'FAILED'), delivered])

    expect(calls.find((c) => c.operationName === 'TokenWatchDeliveries')?.variables).toMatchObject({ tokenId: '3', status: null })
    expect(wrapper.get('h1').text()).toContain('政府采购中心')
    expect(wrapper.get('[data-test="watch-count"]').text()).toBe('2')
    expect(wrapper.get('[data-test="failed-count"]').text()).toContain('1')

    const table = wrapper.get('[data-test="deliveries-table"]')
    const statuses = table.findAll('[data-status]').map((e) => [e.attributes('data-status'), e.text()])
    expect(statuses).toEqual([
      ['FAILED', '投递失败'],
      ['DELIVERED', '已送达'],
    ])
    expect(table.text()).toContain('列入名单')
    expect(table.text()).toContain('—') // a delivery without an event kind
    expect(table.text()).toContain('HTTP 502')
    expect(table.findAll('[data-test="redrive"]').length).toBeGreaterThan(0)
    expect(table.text()).not.toMatch(/LIST_ENTRY_ADDED|FAILED|DELIVERED/)
    expect(wrapper.get('[data-test="redrive-selected"]').attributes('disabled')).toBeDefined()
  })

  it('says so when there is nothing delivered yet', async () => {
    const { wrapper } = await mountView([])
    expect(wrapper.get('[data-test="deliveries-empty"]').text()).toContain('暂无投递记录')
    expect(wrapper.find('[data-test="deliveries-table"]').exists()).toBe(false)
  })
})
