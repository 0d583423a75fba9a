import { ElMessage } from 'element-plus'
import { computed, inject, provide, reactive, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { request } from '@/api/client'
import { getFragmentData } from '@/gql'
import { useFormErrors } from '@/shared/composables/useFormErrors'
import { useSubmit } from '@/shared/composables/useSubmit'
import { todayIso } from '@/shared/dates'
import { invalidate } from '@/shared/invalidation'
import { emptyDraft, fromRecord, knowsRecordField, toCreateInput, toFieldsInput, validateDraft, type KnownCodes } from '../draft'
import {
  CreditRecordCreateMutation,
  CreditRecordQuery,
  CreditRecordSubmitMutation,
  CreditRecordUpdateMutation,
  DecisionFields,
  RecordDetailFields,
  RecordStepFields,
} from '../operations'
import { MONETARY_SANCTIONS, useCatalogues } from './useCatalogues'

export interface SavedRecord {
  id: string
  subjectId: number
  submitted: boolean
}

/**
 * The record-entry form: its draft, its errors (client checks and server payload errors on
 * the same fields), the catalogues it chooses from, and "save draft" / "submit".
 */
export function useRecordForm(subjectId: string, editId = '') {
  const { t } = useI18n()
  const draft = reactive(emptyDraft(subjectId))
  const errors = useFormErrors(knowsRecordField)
  const catalogues = useCatalogues()
  const { pending, submit } = useSubmit()

  const known = computed<KnownCodes>(() => {
    const c = catalogues.data.value
    const codes = (list: { code: string }[] | undefined) => new Set((list ?? []).map((e) => e.code))
    return {
      infoTypes: codes(c?.infoTypes),
      watchSituations: codes(c?.watchSituations),
      violationDomains: codes(c?.violationDomains),
      sanctionKinds: codes(c?.sanctionKinds),
      monetarySanctions: MONETARY_SANCTIONS,
    }
  })

  function check(): boolean {
    const found = errors.apply(validateDraft(draft, todayIso(), known.value, t))
    if (found) ElMessage.warning(t('common.formHasErrors'))
    return !found
  }

  /**
   * Editing (`editId`): fill the form with the stored draft. Resolves to the record's
   * status (only a draft can be saved), or null when it is not found in the caller's scope.
   */
  async function load(signal?: AbortSignal): Promise<string | null> {
    const data = await request(CreditRecordQuery, { id: editId }, { signal })
    if (!data.creditRecord) return null
    const r = getFragmentData(RecordDetailFields, data.creditRecord)
    const decision = r.decision ? getFragmentData(DecisionFields, r.decision) : null
    const violations = (decision?.violations ?? []).map((v) => ({
      domain: v.domain,
      typeCode: v.typeCode,
      description: v.description,
      sanctions: v.sanctions.map((s) => ({ kind: s.kind, amountYuan: Number(s.amountYuan) ? String(s.amountYuan) : '' })),
    }))
    Object.assign(draft, fromRecord(r, violations))
    return r.status
  }

  function send() {
    if (editId) {
      return request(CreditRecordUpdateMutation, { id: editId, input: toFieldsInput(draft) }).then((r) => r.creditRecordUpdate)
    }
    return request(CreditRecordCreateMutation, { input: toCreateInput(draft) }).then((r) => r.creditRecordCreate)
  }

  /** Save as a draft, and with `andSubmit` send it to review. Undefined when it failed. */
  async function save(andSubmit: boolean): Promise<SavedRecord | undefined> {
    if (!check()) return undefined
    const payload = await submit(send)
    if (!payload) return undefined
    if (errors.apply(payload.errors) || !payload.creditRecord) {
      ElMessage.error(t('common.formHasErrors'))
      return undefined
    }
    const record = getFragmentData(RecordStepFields, payload.creditRecord)
    invalidate('records', 'subjects', 'audit')
    if (!andSubmit) return { id: record.id, subjectId: record.subjectId, submitted: false }

    const sent = await submit(() => request(CreditRecordSubmitMutation, { id: record.id }))
    const sendErrors = sent?.creditRecordSubmit.errors ?? []
    if (!sent || sendErrors.length > 0) {
      // Saved, not submitted: say so; the draft can be submitted from the subject's page.
      ElMessage.warning(`${t('recordEntry.savedNotSubmitted')} ${sendErrors.map((e) => e.message).join('；')}`)
      return { id: record.id, subjectId: record.subjectId, submitted: false }
    }
    invalidate('records')
    return { id: record.id, subjectId: record.subjectId, submitted: true }
  }

  return { draft, errors, catalogues, pending, save, check, load }
}

export type RecordForm = ReturnType<typeof useRecordForm>

const KEY: InjectionKey<RecordForm> = Symbol('record-form')

export function provideRecordForm(form: RecordForm): void {
  provide(KEY, form)
}

export function useInjectedRecordForm(): RecordForm {
  const form = inject(KEY)
  if (!form) throw new Error('record form fields used outside the record form')
  return form
}
