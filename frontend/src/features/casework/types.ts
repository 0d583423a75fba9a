import type { SubjectKind } from '@/gql/graphql'

/** A subject picked in a case form. */
export interface SubjectChoice {
  id: string
  name: string
  uscc?: string | null
  kind: SubjectKind
}
