/** Today in the browser's time zone as YYYY-MM-DD (the `Date` scalar's format). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
}

/** An ISO date-time as `YYYY-MM-DD HH:mm` in the browser's time zone ('' for none). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const hh = String(d.getHours()).padStart(2, '0')
  const mm = String(d.getMinutes()).padStart(2, '0')
  return `${todayIso(d)} ${hh}:${mm}`
}

/** A moment as `YYYY-MM-DDTHH:mm:ss+08:00` (local time with its offset), for DateTime inputs. */
export function toOffsetIso(d: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0')
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  return `${todayIso(d)}T${time}${sign}${pad(offset / 60)}:${pad(offset % 60)}`
}
