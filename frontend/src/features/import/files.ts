import type { ImportFormat } from '@/gql/graphql'

/** The import format of a file, by its extension (as `make import` decides). */
export function formatOf(filename: string): ImportFormat | undefined {
  const name = filename.toLowerCase()
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'JSONL'
  if (name.endsWith('.csv')) return 'CSV'
  if (name.endsWith('.xlsx')) return 'XLSX'
  return undefined
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

/** What `decisionsImport(content:)` takes: text for JSONL/CSV, base64 for XLSX. */
export async function fileContent(file: Blob, format: ImportFormat): Promise<string> {
  if (format === 'XLSX') return toBase64(new Uint8Array(await file.arrayBuffer()))
  return file.text()
}

export const ACCEPT = '.jsonl,.ndjson,.csv,.xlsx'
export const MAX_BYTES = 20 * 1024 * 1024
