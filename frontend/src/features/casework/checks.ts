import type { FieldError } from '@/api/fieldErrors'
import { EVIDENCE_MAX_FILES, evidenceProblem } from './evidence'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Client-side checks of chosen evidence files, named as the server names them (`evidence[i]`). */
export function evidenceErrors(files: readonly File[], t: Translate): FieldError[] {
  const out: FieldError[] = []
  if (files.length > EVIDENCE_MAX_FILES) out.push({ field: 'evidence', message: t('casework.evidence.tooMany', { n: EVIDENCE_MAX_FILES }) })
  files.forEach((f, i) => {
    const problem = evidenceProblem(f)
    if (problem) out.push({ field: `evidence[${i}]`, message: `${f.name}：${t(`casework.evidence.problem.${problem}`)}` })
  })
  return out
}

/** The message for the evidence form item: its own error, or the first of its files'. */
export function evidenceMessage(field: (path: string) => string, count: number): string {
  for (let i = 0; i < count; i += 1) {
    const message = field(`evidence.${i}`)
    if (message) return message
  }
  return field('evidence')
}

/** Knows `evidence` and `evidence.N` besides the form's own fields. */
export function withEvidence(names: readonly string[]): (path: string) => boolean {
  const set = new Set(names)
  return (path) => set.has(path) || path === 'evidence' || /^evidence\.\d+$/.test(path)
}
