import { ElMessage } from 'element-plus'
import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { request } from '@/api/client'
import { confirmAction, showPayloadErrors } from '@/features/casework/feedback'
import type { NoticeFields } from '@/features/notices/operations'
import { getFragmentData, type FragmentType } from '@/gql'
import { useSubmit } from '@/shared/composables/useSubmit'
import { invalidate } from '@/shared/invalidation'
import { RepairFields, RepairRejectMutation, RepairWithdrawMutation } from '../operations'

type Application = FragmentType<typeof RepairFields>

/** The steps on a repair application from a list: dialogs' state and the result notice. */
export function useRepairActions() {
  const { t } = useI18n()
  const { submit } = useSubmit()
  const current = shallowRef<Application>()
  const approveOpen = shallowRef(false)
  const rejectOpen = shallowRef(false)
  const noticeOpen = shallowRef(false)
  const notice = shallowRef<FragmentType<typeof NoticeFields> | null>()

  const idOf = (a: Application) => getFragmentData(RepairFields, a).id

  function changed(message: string): void {
    ElMessage.success(message)
    invalidate('repairs', 'notices', 'records', 'subjects', 'lists')
  }

  function showNotice(n: FragmentType<typeof NoticeFields> | null | undefined): void {
    notice.value = n
    noticeOpen.value = Boolean(n)
  }

  function decided(a: Application | null | undefined, message: string): void {
    changed(message)
    if (a) showNotice(getFragmentData(RepairFields, a).resultNotice)
  }

  async function withdraw(a: Application): Promise<void> {
    const ok = await confirmAction(t('repairs.withdraw.confirm'), t('repairs.actions.withdraw'), t('common.confirm'), t('common.cancel'))
    if (!ok) return
    const answer = await submit(() => request(RepairWithdrawMutation, { id: idOf(a) }))
    if (answer && !showPayloadErrors(answer.repairWithdraw.errors)) changed(t('repairs.done.withdrawn'))
  }

  async function runReject(reason: string) {
    const answer = await request(RepairRejectMutation, { id: current.value ? idOf(current.value) : '', reason })
    if (!answer.repairReject.errors.length) decided(answer.repairReject.repairApplication, t('repairs.done.rejected'))
    return answer.repairReject.errors
  }

  const approve = (a: Application) => ((current.value = a), (approveOpen.value = true))
  const reject = (a: Application) => ((current.value = a), (rejectOpen.value = true))

  return {
    current,
    approveOpen,
    rejectOpen,
    noticeOpen,
    notice,
    approve,
    approved: (a: Application | null | undefined) => decided(a, t('repairs.done.approved')),
    reject,
    runReject,
    withdraw,
    showNotice,
    /** A repair card's steps bound to its application: `<RepairCard v-on="actions.on(a)" />`. */
    on: (a: Application) => ({
      approve: () => approve(a),
      reject: () => reject(a),
      withdraw: () => withdraw(a),
      notice: () => showNotice(getFragmentData(RepairFields, a).resultNotice),
    }),
  }
}
