import { ElMessage } from 'element-plus'
import { shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { request } from '@/api/client'
import { confirmAction, showPayloadErrors } from '@/features/casework/feedback'
import type { NoticeFields } from '@/features/notices/operations'
import { getFragmentData, type FragmentType } from '@/gql'
import { useSubmit } from '@/shared/composables/useSubmit'
import { invalidate } from '@/shared/invalidation'
import {
  ObjectionAcceptMutation,
  ObjectionDeclineMutation,
  ObjectionFields,
  ObjectionWithdrawMutation,
} from '../operations'

type Objection = FragmentType<typeof ObjectionFields>

/** The steps on an objection from a list: confirmations, dialogs' state, the result notice. */
export function useObjectionActions() {
  const { t } = useI18n()
  const { submit } = useSubmit()
  const current = shallowRef<Objection>()
  const declineOpen = shallowRef(false)
  const decideOpen = shallowRef(false)
  const noticeOpen = shallowRef(false)
  const notice = shallowRef<FragmentType<typeof NoticeFields> | null>()

  const idOf = (o: Objection) => getFragmentData(ObjectionFields, o).id

  function changed(message: string): void {
    ElMessage.success(message)
    invalidate('objections', 'notices', 'records', 'subjects', 'lists')
  }

  async function accept(o: Objection): Promise<void> {
    const ok = await confirmAction(t('objections.accept.confirm'), t('objections.actions.accept'), t('common.confirm'), t('common.cancel'))
    if (!ok) return
    const answer = await submit(() => request(ObjectionAcceptMutation, { id: idOf(o) }))
    if (answer && !showPayloadErrors(answer.objectionAccept.errors)) changed(t('objections.done.accepted'))
  }

  async function withdraw(o: Objection): Promise<void> {
    const ok = await confirmAction(t('objections.withdraw.confirm'), t('objections.actions.withdraw'), t('common.confirm'), t('common.cancel'))
    if (!ok) return
    const answer = await submit(() => request(ObjectionWithdrawMutation, { id: idOf(o) }))
    if (answer && !showPayloadErrors(answer.objectionWithdraw.errors)) changed(t('objections.done.withdrawn'))
  }

  function decline(o: Objection): void {
    current.value = o
    declineOpen.value = true
  }

  async function runDecline(reason: string) {
    const answer = await request(ObjectionDeclineMutation, { id: current.value ? idOf(current.value) : '', reason })
    return answer.objectionDecline.errors
  }

  function decide(o: Objection): void {
    current.value = o
    decideOpen.value = true
  }

  /** After a decision: say so, and show the result notice to print. */
  function decided(o: Objection | null | undefined): void {
    changed(t('objections.done.decided'))
    const result = o ? getFragmentData(ObjectionFields, o).resultNotice : null
    if (result) showNotice(result)
  }

  function showNotice(n: FragmentType<typeof NoticeFields> | null | undefined): void {
    notice.value = n
    noticeOpen.value = Boolean(n)
  }

  /** An objection card's steps bound to its objection: `<ObjectionCard v-on="actions.on(o)" />`. */
  function on(o: Objection) {
    return {
      accept: () => accept(o),
      decline: () => decline(o),
      decide: () => decide(o),
      withdraw: () => withdraw(o),
      notice: () => showNotice(getFragmentData(ObjectionFields, o).resultNotice),
    }
  }

  return {
    current,
    declineOpen,
    decideOpen,
    noticeOpen,
    notice,
    accept,
    withdraw,
    decline,
    runDecline,
    declined: () => changed(t('objections.done.declined')),
    decide,
    decided,
    showNotice,
    on,
  }
}
