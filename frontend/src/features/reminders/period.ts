import { todayIso } from '@/shared/dates'

/** A period of the register: [start, end] as YYYY-MM-DD, both included. */
export type Period = [string, string]

const iso = (y: number, m: number, d: number) => todayIso(new Date(y, m, d))

export function thisMonth(now = new Date()): Period {
  return [iso(now.getFullYear(), now.getMonth(), 1), todayIso(now)]
}

export function lastMonth(now = new Date()): Period {
  return [iso(now.getFullYear(), now.getMonth() - 1, 1), iso(now.getFullYear(), now.getMonth(), 0)]
}

export function thisYear(now = new Date()): Period {
  return [iso(now.getFullYear(), 0, 1), todayIso(now)]
}
