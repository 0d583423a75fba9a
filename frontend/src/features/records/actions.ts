import type { Permission, RecordStatus } from '@/gql/graphql'

/** What can be done to a record in each state, and the permission each step needs. */
export type RecordAction = 'submit' | 'verify' | 'reject' | 'publish' | 'revoke' | 'edit' | 'reopen' | 'delete'

export const RECORD_ACTIONS: ReadonlyArray<{
  action: RecordAction
  from: readonly RecordStatus[]
  permission: Permission
  /** The step needs a written reason. */
  reason: boolean
  /** The step is asked to be confirmed first. */
  confirm?: boolean
}> = [
  // The correction loop: a draft is edited or deleted, a returned record reopened.
  { action: 'edit', from: ['DRAFT'], permission: 'ENTER_RECORDS', reason: false },
  { action: 'submit', from: ['DRAFT'], permission: 'ENTER_RECORDS', reason: false },
  { action: 'verify', from: ['SUBMITTED'], permission: 'REVIEW_RECORDS', reason: false },
  { action: 'publish', from: ['VERIFIED'], permission: 'PUBLISH_RECORDS', reason: false },
  { action: 'reject', from: ['SUBMITTED', 'VERIFIED'], permission: 'REVIEW_RECORDS', reason: true },
  { action: 'revoke', from: ['PUBLISHED'], permission: 'DECIDE_LISTS', reason: true },
  { action: 'reopen', from: ['REJECTED'], permission: 'ENTER_RECORDS', reason: false },
  { action: 'delete', from: ['DRAFT'], permission: 'ENTER_RECORDS', reason: false, confirm: true },
]

/** The actions offered on a record of `status` to a user for whom `can` is true. */
export function availableActions(status: RecordStatus, can: (p: Permission) => boolean): RecordAction[] {
  return RECORD_ACTIONS.filter((a) => a.from.includes(status) && can(a.permission)).map((a) => a.action)
}

export function needsConfirmation(action: RecordAction): boolean {
  return RECORD_ACTIONS.find((a) => a.action === action)?.confirm ?? false
}

export function needsReason(action: RecordAction): boolean {
  return RECORD_ACTIONS.find((a) => a.action === action)?.reason ?? false
}

const STATUS_TAG: Record<RecordStatus, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  DRAFT: 'info',
  SUBMITTED: 'warning',
  VERIFIED: 'primary',
  PUBLISHED: 'success',
  REJECTED: 'danger',
  REVOKED: 'danger',
  REPAIRED: 'info',
  DELETED: 'info',
}

export function statusTagType(status: RecordStatus) {
  return STATUS_TAG[status] ?? 'info'
}
