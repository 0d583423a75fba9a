import type { EChartsCoreOption } from 'echarts/core'

/** Chart options from the dashboard's counts (pure: labels are passed in translated). */

export interface Count {
  key: string
  label: string
  count: number
}

export interface MonthCount {
  month: string
  key: string
  count: number
}

type Label = (item: Count) => string

const GRADE_COLOURS: Record<string, string> = { A: '#16a34a', B: '#f59e0b', C: '#dc2626', UNGRADED: '#94a3b8' }
const LIST_COLOURS: Record<string, string> = { RED: '#dc2626', WATCH: '#f59e0b', BLACK: '#1f2937' }

export function pieOption(items: Count[], label: Label, colours: Record<string, string> = GRADE_COLOURS): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: items.map((i) => ({ name: label(i), value: i.count, itemStyle: { color: colours[i.key] } })),
      },
    ],
  }
}

export function barOption(items: Count[], label: Label, options: { colours?: Record<string, string>; horizontal?: boolean } = {}): EChartsCoreOption {
  const names = items.map(label)
  const data = items.map((i) => ({ value: i.count, itemStyle: { color: options.colours?.[i.key] ?? '#2563eb' } }))
  const category = { type: 'category', data: names, axisLabel: { interval: 0, hideOverlap: true } }
  const value = { type: 'value', minInterval: 1 }
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: options.horizontal ? value : category,
    yAxis: options.horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data, barMaxWidth: 36, label: { show: true, position: options.horizontal ? 'right' : 'top' } }],
  }
}

/** Months on the x axis (every month from the first to the last, none skipped), one series per kind. */
export function monthlyOption(items: MonthCount[], seriesName: (key: string) => string): EChartsCoreOption {
  const months = monthRange(items.map((i) => i.month))
  const keys = [...new Set(items.map((i) => i.key))].sort()
  const count = (month: string, key: string) => items.find((i) => i.month === month && i.key === key)?.count ?? 0
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: keys.map((key) => ({ type: 'bar', stack: 'listings', name: seriesName(key), data: months.map((m) => count(m, key)) })),
  }
}

/** `['2026-01', '2026-03']` → `['2026-01', '2026-02', '2026-03']`. */
export function monthRange(months: string[]): string[] {
  const sorted = [...new Set(months)].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort()
  if (sorted.length === 0) return []
  const out: string[] = []
  let [y, m] = sorted[0]!.split('-').map(Number) as [number, number]
  const last = sorted[sorted.length - 1]!
  for (let guard = 0; guard < 240; guard++) {
    const current = `${y}-${String(m).padStart(2, '0')}`
    out.push(current)
    if (current >= last) break
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

export { GRADE_COLOURS, LIST_COLOURS }
