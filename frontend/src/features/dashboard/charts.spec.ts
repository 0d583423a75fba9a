import { describe, expect, it } from 'vitest'
import { barOption, GRADE_COLOURS, monthlyOption, monthRange, pieOption } from './charts'

type Series = { name?: string; data: Array<number | { name?: string; value: number; itemStyle: { color?: string } }> }
const seriesOf = (option: object) => (option as { series: Series[] }).series

describe('monthRange', () => {
  it('fills the months between the first and the last, across a year end', () => {
    expect(monthRange(['2026-01', '2026-03'])).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(monthRange(['2026-02', '2025-11', '2026-02'])).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('ignores what is not a month, and gives nothing for nothing', () => {
    expect(monthRange(['2026-1', 'x', '2026-04'])).toEqual(['2026-04'])
    expect(monthRange([])).toEqual([])
  })
})

describe('monthlyOption', () => {
  it('one stacked series per list, a zero for a month without listings', () => {
    const option = monthlyOption(
      [
        { month: '2026-01', key: 'WATCH', count: 2 },
        { month: '2026-03', key: 'WATCH', count: 1 },
        { month: '2026-03', key: 'BLACK', count: 4 },
      ],
      (key) => ({ WATCH: '警示', BLACK: '黑名单' })[key] ?? key,
    )
    expect((option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['2026-01', '2026-02', '2026-03'])
    expect(seriesOf(option).map((s) => [s.name, s.data])).toEqual([
      ['黑名单', [0, 0, 4]],
      ['警示', [2, 0, 1]],
    ])
  })
})

describe('pie and bar', () => {
  const grades = [
    { key: 'A', label: 'A级', count: 30 },
    { key: 'C', label: 'C级', count: 2 },
  ]

  it('a pie slice per count, named by its label, in its grade colour', () => {
    const data = seriesOf(pieOption(grades, (i) => i.label))[0]!.data
    expect(data).toEqual([
      { name: 'A级', value: 30, itemStyle: { color: GRADE_COLOURS['A'] } },
      { name: 'C级', value: 2, itemStyle: { color: GRADE_COLOURS['C'] } },
    ])
  })

  it('a horizontal bar chart puts the labels on the y axis, top to bottom', () => {
    const option = barOption(grades, (i) => i.label, { horizontal: true }) as { yAxis: { data: string[]; inverse: boolean }; xAxis: { type: string } }
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['A级', 'C级'], inverse: true })
    expect(option.xAxis.type).toBe('value')
    const vertical = barOption(grades, (i) => i.label) as { xAxis: { data: string[] } }
    expect(vertical.xAxis.data).toEqual(['A级', 'C级'])
  })
})
