/**
 * The URL of an export (GET /export/{source}.{format}) from a page's current filters:
 * empty filters are left out (the server refuses unknown and repeated parameters), a list
 * is sent comma-separated.
 */

export type ExportFormat = 'xlsx' | 'csv'
export type ExportParams = Record<string, string | readonly string[] | null | undefined>

export function exportUrl(source: string, format: ExportFormat, params: ExportParams = {}): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value.trim() : ''
    if (text) query.set(key, text)
  }
  const qs = query.toString()
  return `/export/${encodeURIComponent(source)}.${format}${qs ? `?${qs}` : ''}`
}

/** The file's name from Content-Disposition: the UTF-8 `filename*` (RFC 5987), else `filename`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(disposition)
  return plain?.[1] ?? fallback
}
