import { describe, expect, it } from 'vitest'
import { exportUrl, filenameFrom } from './exportUrl'

describe('exportUrl', () => {
  it('leaves out empty filters and joins lists', () => {
    expect(exportUrl('objections', 'csv', { status: ['FILED', 'ACCEPTED'], subjectId: '', x: null })).toBe(
      '/export/objections.csv?status=FILED%2CACCEPTED',
    )
  })
  it('encodes Chinese filters', () => {
    expect(exportUrl('red-list', 'xlsx', { search: ' 技防 ', district: 'sy-d1' })).toBe(
      '/export/red-list.xlsx?district=sy-d1&search=%E6%8A%80%E9%98%B2',
    )
  })
  it('has no query without filters', () => {
    expect(exportUrl('audit-events', 'xlsx')).toBe('/export/audit-events.xlsx')
  })
})

describe('filenameFrom', () => {
  it('prefers the UTF-8 name', () => {
    const header = `attachment; filename="red-list-2026-12-03.xlsx"; filename*=UTF-8''%E7%BA%A2%E5%90%8D%E5%8D%95_2026-12-03.xlsx`
    expect(filenameFrom(header, 'x')).toBe('红名单_2026-12-03.xlsx')
  })
  it('falls back to the plain name, then to the default', () => {
    expect(filenameFrom('attachment; filename="a.csv"', 'x')).toBe('a.csv')
    expect(filenameFrom(null, 'x.csv')).toBe('x.csv')
  })
})
