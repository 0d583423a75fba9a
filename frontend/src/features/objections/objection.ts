import type { TagType } from '@/shared/labels'
import type { ObjectionStatus } from '@/gql/graphql'

/** Every status, in the order of the queue's filter. */
export const OBJECTION_STATUSES: readonly ObjectionStatus[] = ['FILED', 'ACCEPTED', 'NOT_ACCEPTED', 'UPHELD', 'REJECTED', 'WITHDRAWN']

/** Still to be handled (the open tab): filed and not yet accepted, or accepted and not yet decided. */
export const OPEN_OBJECTION_STATUSES: readonly ObjectionStatus[] = ['FILED', 'ACCEPTED']

export const OBJECTION_STATUS_TAG: Record<ObjectionStatus, TagType> = {
  FILED: 'warning',
  ACCEPTED: 'primary',
  NOT_ACCEPTED: 'info',
  UPHELD: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'info',
}

/** An open objection may be withdrawn, and shows its handling deadline. */
export function isOpenObjection(status: ObjectionStatus): boolean {
  return OPEN_OBJECTION_STATUSES.includes(status)
}
