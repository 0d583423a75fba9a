import type { Permission } from '@/gql/graphql'
import type { Requirement } from './permissions'
import { hasPermission } from './session'

/**
 * `const can = useCan()` then `v-if="can('PUBLISH_RECORDS')"`: reactive (it reads the
 * session), so a template re-renders when the user signs in or out.
 */
export function useCan(): (required: Requirement) => boolean {
  return hasPermission
}

export type { Permission }
