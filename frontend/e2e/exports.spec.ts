import { readFile } from 'node:fs/promises'
import { inflateRawSync } from 'node:zlib'
import type { Download, Page } from '@playwright/test'
import { signIn } from './console'
import { expect, expectNoHorizontalScroll, test } from './fixtures'

/** The rows of a CSV export (UTF-8 with BOM; the cells hold no quotes or line breaks here). */
function csvRows(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.subarray(3).toString('utf-8')
  return text
    .split('\r\n')
    .filter((line, i, all) => i < all.length - 1 || line)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')))
}

/** A tiny .xlsx reader: the zip's central directory, then the first sheet's inline strings. */
function xlsxRows(bytes: Buffer): string[][] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10)
    const size = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf-8')
    at += 46 + nameLength + skip
    if (name !== 'xl/worksheets/sheet1.xml') continue
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const raw = bytes.subarray(start, start + size)
    const xml = (method === 8 ? inflateRawSync(raw) : raw).toString('utf-8')
    // a cell sits at its reference (r="C5"): empty cells are left out of the file
    return [...xml.matchAll(/<row[^>]*>(.*?)<\/row>|<row[^>]*\/>/g)].map((row) => {
      const cells: string[] = []
      for (const cell of (row[1] ?? '').matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
        const column = [...cell[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
        while (cells.length < column) cells.push('')
        cells[column] = /<t[^>]*>([^<]*)<\/t>/.exec(cell[2] ?? '')?.[1] ?? ''
      }
      return cells
    })
  }
  throw new Error('no sheet in the workbook')
}

async function download(page: Page, button: 'export-xlsx' | 'export-csv'): Promise<{ file: Download; bytes: Buffer }> {
  const waiting = page.waitForEvent('download')
  await page.getByTestId(button).click()
  const file = await waiting
  const path = await file.path()
  return { file, bytes: await readFile(path) }
}

/** The data rows under the column headers (the row holding `firstColumn`). */
function dataRows(rows: string[][], firstColumn: string): { columns: string[]; data: string[][] } {
  const header = rows.findIndex((r) => r[0] === firstColumn)
  expect(header, `a header row starting with ${firstColumn}`).toBeGreaterThan(0)
  const columns = rows[header]!
  const data: string[][] = []
  for (const r of rows.slice(header + 1)) {
    if (!r.some(Boolean)) break
    data.push(r)
  }
  return { columns, data }
}

test('the public watch list downloads as CSV and Excel, with its filters on top', async ({ page }) => {
  await page.goto('/lists/watch')
  await expect(page.getByTestId('entry-link').first()).toBeVisible()
  await expectNoHorizontalScroll(page)

  const csv = await download(page, 'export-csv')
  expect(csv.file.suggestedFilename()).toMatch(/^警示目录_\d{4}-\d{2}-\d{2}\.csv$/)
  const rows = csvRows(csv.bytes)
  expect(rows[0]).toEqual(['警示目录'])
  expect(rows[1]![0]).toBe('导出时间')
  const { columns, data } = dataRows(rows, '主体名称')
  expect(columns.slice(0, 4)).toEqual(['主体名称', '统一社会信用代码', '辖区', '名单'])
  expect(data.length).toBeGreaterThan(0)
  expect(data.every((r) => r[3] === '警示目录')).toBe(true)

  const excel = await download(page, 'export-xlsx')
  expect(excel.file.suggestedFilename()).toMatch(/^警示目录_\d{4}-\d{2}-\d{2}\.xlsx$/)
  const sheet = xlsxRows(excel.bytes)
  expect(sheet[0]).toEqual(['警示目录'])
  expect(dataRows(sheet, '主体名称').data).toHaveLength(data.length)
})

test('search results download with the search term in the header rows', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent('技防')}`)
  await expect(page.getByTestId('search-result').first()).toBeVisible()
  const csv = await download(page, 'export-csv')
  expect(csv.file.suggestedFilename()).toMatch(/^信用查询结果_\d{4}-\d{2}-\d{2}\.csv$/)
  const rows = csvRows(csv.bytes)
  expect(rows).toContainEqual(['筛选条件：名称或代码', '技防'])
  const { columns, data } = dataRows(rows, '名称')
  expect(data.length).toBe(await page.getByTestId('search-result').count())
  const kind = columns.indexOf('主体类型')
  expect(data.every((r) => r[0]!.includes('技防') && r[kind] !== '' && !/^[A-Z_]+$/.test(r[kind]!))).toBe(true)
})

test('a district officer exports the subjects of their district only', async ({ page }) => {
  await signIn(page, 'officer.heping', '/console/subjects')
  await expect(page.getByTestId('subject-table')).toBeVisible()
  const excel = await download(page, 'export-xlsx')
  expect(excel.file.suggestedFilename()).toMatch(/^主体_\d{4}-\d{2}-\d{2}\.xlsx$/)
  const { columns, data } = dataRows(xlsxRows(excel.bytes), '名称')
  const district = columns.indexOf('辖区')
  expect(data.length).toBeGreaterThan(0)
  expect(new Set(data.map((r) => r[district]))).toEqual(new Set(['和平区']))
})

test('the reviewer exports the audit trail, and the export itself is in it', async ({ page }) => {
  await signIn(page, 'reviewer', '/console/audit?objectType=export')
  await download(page, 'export-csv')
  const csv = await download(page, 'export-csv')
  const rows = csvRows(csv.bytes)
  expect(rows).toContainEqual(['筛选条件：对象类型', '导出'])
  const { columns, data } = dataRows(rows, '时间')
  const action = columns.indexOf('操作')
  expect(data.length).toBeGreaterThan(0)
  expect(data.every((r) => r[action] === '导出数据')).toBe(true)
})
