import type { FieldError } from '@/api/fieldErrors'
import type { RecordStatus } from '@/gql/graphql'
import type { TagType } from '@/shared/labels'

/** The ratings an association may give its members (the self-discipline rating scale). */
export const RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const

/** A submission's record status as a tag: published, rejected, on its way (submitted or verified), else grey. */
export function submissionTag(status: RecordStatus): TagType {
  if (status === 'PUBLISHED') return 'success'
  if (status === 'REJECTED') return 'danger'
  if (status === 'SUBMITTED' || status === 'VERIFIED') return 'warning'
  return 'info'
}

export interface Overview {
  memberCount: number
  pendingCount: number
  publishedCount: number
  rejectedCount: number
}

/** The home page's tiles: each count, and the page that lists what it counts. */
export function overviewTiles(o: Overview | null | undefined) {
  if (!o) return []
  return [
    { key: 'memberCount', value: o.memberCount, to: 'console-association-members' },
    { key: 'pendingCount', value: o.pendingCount, to: 'console-association-submissions' },
    { key: 'publishedCount', value: o.publishedCount, to: 'console-association-submissions' },
    { key: 'rejectedCount', value: o.rejectedCount, to: 'console-association-submissions' },
  ] as const
}

/** A rating needs the member and the rating; the day and the note have defaults. */
export function ratingProblems(form: { uscc: string; rating: string }, message: string): FieldError[] {
  return [...(form.uscc ? [] : [{ field: 'uscc', message }]), ...(form.rating ? [] : [{ field: 'rating', message }])]
}

/** A member is added by its USCC. */
export function memberProblems(form: { uscc: string }, message: string): FieldError[] {
  return form.uscc.trim() ? [] : [{ field: 'uscc', message }]
}
