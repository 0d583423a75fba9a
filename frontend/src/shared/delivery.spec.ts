import { describe, expect, it } from 'vitest'
import { DELIVERY_STATUS_TAG, isRedeliverable, whenNext } from './delivery'

describe('delivery log rows', () => {
  it('only a failed delivery is sent again by hand (a pending one is still retried)', () => {
    expect(isRedeliverable({ status: 'FAILED' })).toBe(true)
    expect(isRedeliverable({ status: 'PENDING' })).toBe(false)
    expect(isRedeliverable({ status: 'DELIVERED' })).toBe(false)
  })

  it('the "next" column shows when it was delivered, else when it is tried next', () => {
    const times = { nextAttemptAt: '2026-03-02T10:00:00+08:00', deliveredAt: '2026-03-01T12:00:00+08:00' }
    expect(whenNext({ status: 'DELIVERED', ...times })).toBe(times.deliveredAt)
    expect(whenNext({ status: 'FAILED', ...times })).toBe(times.nextAttemptAt)
    expect(whenNext({ status: 'PENDING', ...times })).toBe(times.nextAttemptAt)
  })

  it('colours failed red, pending orange, delivered green', () => {
    expect(DELIVERY_STATUS_TAG).toEqual({ PENDING: 'warning', FAILED: 'danger', DELIVERED: 'success' })
  })
})
