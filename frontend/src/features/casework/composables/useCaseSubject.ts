import { computed, shallowRef } from 'vue'
import { request } from '@/api/client'
import { toApiError, type ApiError } from '@/api/errors'
import { hasPermission } from '@/auth/session'
import { getFragmentData, type FragmentType } from '@/gql'
import type { CaseRecordFieldsFragment, SubjectKind } from '@/gql/graphql'
import { CaseRecordFields, CaseSubjectRecordsQuery, OwnSubjectRecordsQuery } from '../operations'

export interface CaseSubject {
  id: string
  name: string
  uscc?: string | null
  kind: SubjectKind
  records: ReadonlyArray<FragmentType<typeof CaseRecordFields>>
}

type Keep = (record: CaseRecordFieldsFragment) => boolean

/**
 * The subject an application is about, with the records one may choose: an enterprise
 * account's own subject (VIEW_OWN_SUBJECT), or any subject of a staff member's scope.
 * `keep` narrows the records (e.g. published bad information for a repair).
 */
export function useCaseSubject(keep: Keep) {
  const subject = shallowRef<CaseSubject>()
  const error = shallowRef<ApiError>()
  const loading = shallowRef(false)
  const own = computed(() => hasPermission('VIEW_OWN_SUBJECT'))

  async function load(id?: string): Promise<void> {
    loading.value = true
    error.value = undefined
    try {
      const found = own.value
        ? (await request(OwnSubjectRecordsQuery)).mySubject
        : id
          ? (await request(CaseSubjectRecordsQuery, { id })).internalSubject
          : null
      subject.value = found
        ? {
            ...found,
            records: found.records.edges.map((e) => e.node).filter((r) => keep(getFragmentData(CaseRecordFields, r))),
          }
        : undefined
    } catch (e) {
      subject.value = undefined
      error.value = toApiError(e)
    } finally {
      loading.value = false
    }
  }

  return { subject, error, loading, own, load }
}
