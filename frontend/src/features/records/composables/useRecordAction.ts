import { ElMessage, ElMessageBox } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { request } from '@/api/client'
import { invalidate } from '@/shared/invalidation'
import { useSubmit } from '@/shared/composables/useSubmit'
import { needsReason, type RecordAction } from '../actions'
import {
  CreditRecordPublishMutation,
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

  async function run(action: RecordAction, id: string): Promise<boolean> {
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
