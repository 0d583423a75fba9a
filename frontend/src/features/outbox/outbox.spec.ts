import { afterEach, describe, expect, it, vi } from 'vitest'
import { resetSession } from '@/auth/session'
import { stubGraphQL } from '@/test/graphql'
import { flushPromises, mountWithApp } from '@/test/mount'
import { meOf, sessionHandlers, signInForTest } from '@/test/session'
import { knownTargets } from './outbox'
import OutboxView from './views/OutboxView.vue'

describe('knownTargets', () => {
  it('adds the targets of the rows loaded to those known, a new name replacing the old', () => {
    const known = new Map([['city', '市信用平台']])
    const next = knownTargets(known, [
      { target: 'public', targetName: '公示网站' },
      { target: 'city', targetName: '市公共信用信息平台' },
    ])
    expect([...next]).toEqual([
      ['city', '市公共信用信息平台'],
      ['public', '公示网站'],
    ])
    expect(next).not.toBe(known) // a new map, so a shallow ref sees the change
    expect(known.get('city')).toBe('市信用平台')
  })
})

const event = (id: string, status: string) => ({
  id,
  key: `record.published:${id}`,
  target: 'city',
  targetName: '市公共信用信息平台',
  kind: 'record.published',
  kindName: '信用信息公示',
  payload: { recordId: id },
  status,
  statusName: status,
  attempts: 5,
  nextAttemptAt: null,
  lastAttemptAt: '2026-03-02T09:00:00+08:00',
  lastError: 'connection refused',
  deliveredAt: null,
  createdAt: '2026-03-02T08:00:00+08:00',
})

afterEach(() => {
  vi.unstubAllGlobals()
  resetSession()
})

describe('OutboxView', () => {
  it('lists pending and failed events by default, the targets seen offered as a filter', async () => {
    const { calls } = stubGraphQL({
      ...sessionHandlers(meOf('ADMIN', ['VIEW_INTERNAL', 'VIEW_DELIVERIES'])),
      OutboxEvents: () => ({
        data: { outboxEvents: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: event('9', 'FAILED') }] } },
      }),
    })
    await signInForTest()
    const { wrapper } = await mountWithApp(OutboxView, { at: '/console/outbox' })
    await flushPromises()

    expect(calls.find((c) => c.operationName === 'OutboxEvents')?.variables).toMatchObject({ status: ['PENDING', 'FAILED'], target: null })
    const table = wrapper.get('[data-test="outbox-table"]')
    expect(table.text()).toContain('市公共信用信息平台')
    expect(table.text()).toContain('信用信息公示')
    expect(table.text()).toContain('connection refused')
    expect(table.get('[data-status="FAILED"]').text()).not.toBe('FAILED')
    expect(table.find('[data-test="outbox-requeue"]').exists()).toBe(true)
    expect(wrapper.get('[data-test="outbox-requeue-selected"]').attributes('disabled')).toBeDefined()
  })
})
