import type { GradeLevel, ListKind, SubjectKind } from '@/gql/graphql'

// Enum values → i18n keys. Unknown server values (a newer schema) fall back to the raw text.

/** Element Plus tag colours, as a status is shown. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export const subjectKindKey = (kind: SubjectKind) => `subject.kind.${kind}` as const
export const gradeKey = (level: GradeLevel) => `grade.${level}` as const
export const listKey = (list: ListKind) => `list.${list}` as const

/** Route segment of each list page: /lists/red, /lists/watch, /lists/black. */
export const LIST_SLUGS = { red: 'RED', watch: 'WATCH', black: 'BLACK' } as const satisfies Record<string, ListKind>
export type ListSlug = keyof typeof LIST_SLUGS

export function isListSlug(value: unknown): value is ListSlug {
  return typeof value === 'string' && Object.hasOwn(LIST_SLUGS, value)
}

export function listSlug(list: ListKind): ListSlug {
  return list === 'RED' ? 'red' : list === 'WATCH' ? 'watch' : 'black'
}

type Translate = (key: string) => string
type Exists = (key: string) => boolean

/** Record categories come as plain strings (basic / good / hint / warning). */
export function recordCategoryLabel(category: string, t: Translate, te: Exists): string {
  const key = `record.category.${category.toLowerCase()}`
  return te(key) ? t(key) : category
}

/** Measure kinds come as plain strings (PUNISHMENT / MANAGEMENT / INCENTIVE). */
export function measureKindLabel(kind: string, t: Translate, te: Exists): string {
  const key = `measure.kind.${kind.toUpperCase()}`
  return te(key) ? t(key) : kind
}
