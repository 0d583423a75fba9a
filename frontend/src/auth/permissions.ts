import type { Permission } from '@/gql/graphql'

/**
 * What a permission check may ask for: one permission, all of several, or nothing
 * (anyone signed in). `Permission` is the enum generated from the schema.
 */
export type Requirement = Permission | readonly Permission[] | null | undefined

/** True when `granted` (from `me { permissions }`) satisfies `required`. */
export function allows(granted: ReadonlySet<Permission> | readonly Permission[], required: Requirement): boolean {
  if (required == null) return true
  const set = granted instanceof Set ? granted : new Set(granted as readonly Permission[])
  const list: readonly Permission[] = typeof required === 'string' ? [required] : required
  return list.every((p) => set.has(p))
}

/** The permissions route records declare in `meta.permission`, outermost first. */
export function routeRequirements(matched: ReadonlyArray<{ meta: { permission?: Permission } }>): Permission[] {
  return matched.flatMap((r) => (r.meta.permission ? [r.meta.permission] : []))
}
