/** Calendar helpers: month grids (weeks start on Monday) and the year-fill text format. */

export interface GridCell {
  date: string
  day: number
  weekend: boolean
}

const pad = (n: number) => String(n).padStart(2, '0')
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`

/** The weeks of a month (month 0–11): 7 cells each, null outside the month. */
export function monthWeeks(year: number, month: number): Array<Array<GridCell | null>> {
  const first = new Date(year, month, 1)
  const days = new Date(year, month + 1, 0).getDate()
  const lead = (first.getDay() + 6) % 7
  const cells: Array<GridCell | null> = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= days; d += 1) {
    const weekday = new Date(year, month, d).getDay()
    cells.push({ date: isoDate(year, month, d), day: d, weekend: weekday === 0 || weekday === 6 })
  }
  while (cells.length % 7) cells.push(null)
  const weeks = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

export interface NotedDay {
  date: string
  note: string
}

export interface ParsedDays {
  days: NotedDay[]
  /** 1-based line numbers that could not be read. */
  bad: number[]
}

/**
 * Lines of `YYYY-MM-DD 说明` or `YYYY-MM-DD~YYYY-MM-DD 说明` (a range, both ends included),
 * as in the State Council's holiday notice. Blank lines are skipped.
 */
export function parseDayLines(text: string): ParsedDays {
  const out: ParsedDays = { days: [], bad: [] }
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line) return
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$/.exec(line)
    const start = m ? new Date(`${m[1]}T00:00:00`) : undefined
    const end = m?.[2] ? new Date(`${m[2]}T00:00:00`) : start
    const real = (d: Date | undefined, text: string | undefined) =>
      d !== undefined && !Number.isNaN(d.getTime()) && isoDate(d.getFullYear(), d.getMonth(), d.getDate()) === text
    if (!m || !real(start, m[1]) || !real(end, m[2] ?? m[1]) || !start || !end || end < start) {
      out.bad.push(index + 1)
      return
    }
    for (const d = new Date(start); d <= end; d.setDate(d.getDate() + 1)) {
      out.days.push({ date: isoDate(d.getFullYear(), d.getMonth(), d.getDate()), note: m[3]?.trim() ?? '' })
    }
  })
  return out
}
