import { describe, expect, it } from 'vitest'
import { ACCEPT, fileContent, formatOf, toBase64 } from './files'

describe('import files', () => {
  it('are read by their extension, as `make import` reads them', () => {
    expect(formatOf('决定书.JSONL')).toBe('JSONL')
    expect(formatOf('a.ndjson')).toBe('JSONL')
    expect(formatOf('2026年1月.csv')).toBe('CSV')
    expect(formatOf('b.xlsx')).toBe('XLSX')
    expect(formatOf('c.xls')).toBeUndefined()
    expect(formatOf('jsonl')).toBeUndefined()
  })

  it('the file picker accepts exactly those', () => {
    for (const ext of ACCEPT.split(',')) expect(formatOf(`x${ext}`), ext).toBeDefined()
  })

  it('sends text formats as text and a workbook as base64', async () => {
    const csv = new Blob(['统一社会信用代码,名称\n'], { type: 'text/csv' })
    expect(await fileContent(csv, 'CSV')).toBe('统一社会信用代码,名称\n')
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff])
    expect(await fileContent(new Blob([bytes]), 'XLSX')).toBe(btoa(String.fromCharCode(...bytes)))
  })

  it('encodes large files in chunks without losing a byte', () => {
    const bytes = new Uint8Array(0x8000 * 2 + 5).map((_, i) => i % 251)
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0))
    expect(decoded).toEqual(bytes)
  })
})
