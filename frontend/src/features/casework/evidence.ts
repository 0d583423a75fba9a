import type { EvidenceFileInput } from '@/gql/graphql'

/**
 * Evidence files (证明材料) travel as base64 inside the mutation. The server checks type,
 * size and count against the policy's parameters (and the file's first bytes); these
 * checks only spare a person a long upload that would be refused anyway.
 */

const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}

export const EVIDENCE_ACCEPT = Object.keys(TYPES_BY_EXTENSION)
  .map((ext) => `.${ext}`)
  .join(',')
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
export const EVIDENCE_MAX_FILES = 20

/** The content type to declare: from the extension (browsers leave .ofd untyped). */
export function evidenceContentType(name: string): string | undefined {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  return TYPES_BY_EXTENSION[ext]
}

export type EvidenceProblem = 'type' | 'size' | 'empty'

export function evidenceProblem(file: Pick<File, 'name' | 'size'>): EvidenceProblem | undefined {
  if (!evidenceContentType(file.name)) return 'type'
  if (file.size === 0) return 'empty'
  if (file.size > EVIDENCE_MAX_BYTES) return 'size'
  return undefined
}

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

export async function toEvidenceInput(file: File): Promise<EvidenceFileInput> {
  return {
    name: file.name,
    contentType: evidenceContentType(file.name) ?? (file.type || 'application/octet-stream'),
    base64: await readBase64(file),
  }
}

export function toEvidenceInputs(files: readonly File[]): Promise<EvidenceFileInput[]> {
  return Promise.all(files.map(toEvidenceInput))
}

/** 1.2 MB, 340 KB, 12 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}

/** Save a base64 file (from the evidenceFile query) under its name. */
export function saveBase64(name: string, contentType: string, base64: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
