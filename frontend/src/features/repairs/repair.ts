import type { TagType } from '@/shared/labels'
import type { RepairStatus } from '@/gql/graphql'

/** The queue's filter buttons: the statuses, then every status at once. */
export const REPAIR_FILTERS: ReadonlyArray<RepairStatus | 'ALL'> = ['FILED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'ALL']

export const REPAIR_STATUS_TAG: Record<RepairStatus, TagType> = {
  FILED: 'warning',
  APPROVED: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'info',
}
