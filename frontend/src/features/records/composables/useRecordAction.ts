import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { request } from '@/api/client'
import { invalidate } from '@/shared/invalidation'
import { useSubmit } from '@/shared/composables/useSubmit'
import { needsConfirmation, needsReason, type RecordAction } from '../actions'
import {
  CreditRecordDeleteMutation,
  CreditRecordPublishMutation,
  CreditRecordReopenMutation,
  CreditRecordRejectMutation,
  CreditRecordRevokeMutation,
  CreditRecordSubmitMutation,
  CreditRecordVerifyMutation,
} from '../operations'

type Payload = { errors: ReadonlyArray<{ message: string }> }

function send(action: RecordAction, id: string, reason: string): Promise<Payload> {
  switch (action) {
    case 'submit':
      return request(CreditRecordSubmitMutation, { id }).then((r) => r.creditRecordSubmit)
    case 'verify':
      return request(CreditRecordVerifyMutation, { id, comment: reason }).then((r) => r.creditRecordVerify)
    case 'reject':
      return request(CreditRecordRejectMutation, { id, reason }).then((r) => r.creditRecordReject)
    case 'publish':
      return request(CreditRecordPublishMutation, { id }).then((r) => r.creditRecordPublish)
    case 'revoke':
      return request(CreditRecordRevokeMutation, { id, reason }).then((r) => r.creditRecordRevoke)
    case 'reopen':
      return request(CreditRecordReopenMutation, { id }).then((r) => r.creditRecordReopen)
    case 'delete':
      return request(CreditRecordDeleteMutation, { id }).then((r) => r.creditRecordDelete)
    case 'edit':
      throw new Error('editing a draft opens its form, it is not a mutation')
  }
}

/**
 * One lifecycle step on a record: asks for the reason when the step needs one, then runs
 * the mutation; payload errors and top-level errors become messages; on success the views
 * of records, subjects, lists and the audit trail reload.
 */
export function useRecordAction() {
  const { t } = useI18n()
  const { pending, submit } = useSubmit()

  async function askReason(action: RecordAction): Promise<string | undefined> {
    try {
      const { value } = await ElMessageBox.prompt(t(`creditRecords.reasonPrompt.${action}`), t(`creditRecords.action.${action}`), {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        inputType: 'textarea',
        inputPlaceholder: t('common.reason'),
        inputValidator: (v: string) => (v && v.trim() ? true : t('common.reasonRequired')),
        customClass: 'reason-dialog',
      })
      return value.trim()
    } catch {
      return undefined // cancelled
    }
  }

  async function confirmed(action: RecordAction): Promise<boolean> {
    try {
      await ElMessageBox.confirm(t(`corrections.confirm.${action}`), t(`creditRecords.action.${action}`), {
        confirmButtonText: t('common.confirm'),
        cancelButtonText: t('common.cancel'),
        type: 'warning',
        customClass: 'confirm-dialog',
      })
      return true
    } catch {
      return false // cancelled
    }
  }

  async function run(action: RecordAction, id: string): Promise<boolean> {
    if (needsConfirmation(action) && !(await confirmed(action))) return false
    let reason = ''
    if (needsReason(action)) {
      const given = await askReason(action)
      if (given === undefined) return false
      reason = given
    }
    const payload = await submit(() => send(action, id, reason))
    if (!payload) return false
    if (payload.errors.length > 0) {
      ElMessage.error(payload.errors.map((e) => e.message).join('；'))
      return false
    }
    ElMessage.success(t(`creditRecords.done.${action}`))
    invalidate('records', 'subjects', 'lists', 'audit')
    return true
  }

  return { pending, run }
}
