import { computed } from 'vue'
import { request } from '@/api/client'
import { currentPermissions, sessionState } from '@/auth/session'
import type { PolicyVocabulariesQuery as Answer } from '@/gql/graphql'
import { useRequest } from '@/shared/composables/useRequest'
import { PolicyVocabulariesQuery } from './operations'

type Vocabulary = Answer['policyVocabularies'][number]

/** Whether anything in the caller's policies grades subjects / has reminders (WG 五).
 * Pure, for tests: an empty list (not loaded, or no jurisdiction) grades nothing. */
export function gradesApply(vocabularies: readonly Vocabulary[]): boolean {
  return vocabularies.some((v) => v.grades)
}

export function remindersApply(vocabularies: readonly Vocabulary[]): boolean {
  return vocabularies.some((v) => v.reminderMethods.length > 0)
}

// One answer per page load and user (keyed by username): the policies of a jurisdiction do not change often.
let cached: { key: string; answer: Promise<Vocabulary[]> } | undefined

export function loadVocabularies(key: string): Promise<Vocabulary[]> {
  if (cached?.key !== key) {
    const answer = request(PolicyVocabulariesQuery).then((a) => [...a.policyVocabularies])
    answer.catch(() => (cached = undefined))
    cached = { key, answer }
  }
  return cached.answer
}

/** The vocabularies of the signed-in internal user (none for others). */
export function usePolicyVocabularies() {
  const state = useRequest(async () => {
    const permissions = currentPermissions()
    if (!permissions.has('VIEW_INTERNAL')) return [] as Vocabulary[]
    return loadVocabularies(sessionState.me?.username ?? '')
  })
  void state.run()
  return {
    ...state,
    grades: computed(() => gradesApply(state.data.value ?? [])),
    reminders: computed(() => remindersApply(state.data.value ?? [])),
  }
}
