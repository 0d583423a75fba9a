import type { RouteLocationRaw } from 'vue-router'

/** A record in review opens on its subject's page, scrolled to the record. */
export function recordOnSubject(r: { id: string; subjectId: number | string }): RouteLocationRaw {
  return { name: 'console-subject', params: { id: String(r.subjectId) }, hash: `#record-${r.id}` }
}
