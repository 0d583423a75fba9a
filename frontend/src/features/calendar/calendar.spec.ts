import { describe, expect, it } from 'vitest'
import { monthWeeks, parseDayLines } from './calendar'

describe('monthWeeks', () => {
  it('starts weeks on Monday and marks weekends', () => {
    // 2026-02-01 is a Sunday: six empty cells before it.
    const weeks = monthWeeks(2026, 1)
    expect(weeks[0]?.slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(weeks[0]?.[6]).toEqual({ date: '2026-02-01', day: 1, weekend: true })
    expect(weeks.flat().filter(Boolean)).toHaveLength(28)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
  })
})

describe('parseDayLines', () => {
  it('reads single days and ranges with their notes', () => {
    const parsed = parseDayLines('2026-01-01 元旦\n\n2026-02-15~2026-02-17 春节\n2026-02-14 调休上班')
    expect(parsed.bad).toEqual([])
    expect(parsed.days).toEqual([
      { date: '2026-01-01', note: '元旦' },
      { date: '2026-02-15', note: '春节' },
      { date: '2026-02-16', note: '春节' },
      { date: '2026-02-17', note: '春节' },
      { date: '2026-02-14', note: '调休上班' },
    ])
  })

  it('names the lines it cannot read', () => {
    expect(parseDayLines('2026-13-01\n春节\n2026-02-17~2026-02-15\n2026-02-30').bad).toEqual([1, 2, 3, 4])
  })
})
