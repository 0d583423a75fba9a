import { afterEach, describe, expect, it } from 'vitest'
import { availableActions } from '@/features/records/actions'
import type { Permission } from '@/gql/graphql'
import { menuItems } from '@/router/features'
import { allows, routeRequirements } from './permissions'
import { forgetSession, hasPermission, resetSession, sessionState } from './session'

const OFFICER: Permission[] = ['VIEW_INTERNAL', 'MANAGE_SUBJECTS', 'ENTER_RECORDS', 'MANAGE_REMINDERS']
const REVIEWER: Permission[] = ['VIEW_INTERNAL', 'REVIEW_RECORDS', 'PUBLISH_RECORDS', 'DECIDE_LISTS', 'VIEW_AUDIT']

describe('allows', () => {
  it('grants nothing-required, one permission, or all of several', () => {
    expect(allows(OFFICER, undefined)).toBe(true)
    expect(allows([], null)).toBe(true)
    expect(allows(OFFICER, 'ENTER_RECORDS')).toBe(true)
    expect(allows(OFFICER, 'PUBLISH_RECORDS')).toBe(false)
    expect(allows(new Set(REVIEWER), ['REVIEW_RECORDS', 'PUBLISH_RECORDS'])).toBe(true)
    expect(allows(REVIEWER, ['REVIEW_RECORDS', 'ENTER_RECORDS'])).toBe(false)
  })

  it('collects the permissions declared along a matched route', () => {
    const matched = [{ meta: {} }, { meta: { permission: 'VIEW_INTERNAL' as const } }, { meta: { permission: 'ENTER_RECORDS' as const } }]
    expect(routeRequirements(matched)).toEqual(['VIEW_INTERNAL', 'ENTER_RECORDS'])
  })
})

describe('record actions', () => {
  const can = (granted: Permission[]) => (p: Permission) => granted.includes(p)

  it('offer each step only to the role that may take it, in the state that allows it', () => {
    // the correction loop: a draft is edited, submitted or deleted; a returned one reopened
    expect(availableActions('DRAFT', can(OFFICER))).toEqual(['edit', 'submit', 'delete'])
    expect(availableActions('REJECTED', can(OFFICER))).toEqual(['reopen'])
    expect(availableActions('REJECTED', can(REVIEWER))).toEqual([])
    expect(availableActions('SUBMITTED', can(OFFICER))).toEqual([])
    expect(availableActions('VERIFIED', can(OFFICER))).toEqual([])
    expect(availableActions('PUBLISHED', can(OFFICER))).toEqual([])
    expect(availableActions('DRAFT', can(REVIEWER))).toEqual([])
    expect(availableActions('SUBMITTED', can(REVIEWER))).toEqual(['verify', 'reject'])
    expect(availableActions('VERIFIED', can(REVIEWER))).toEqual(['publish', 'reject'])
    expect(availableActions('PUBLISHED', can(REVIEWER))).toEqual(['revoke'])
    expect(availableActions('REVOKED', can(REVIEWER))).toEqual([])
  })
})

describe('the session', () => {
  afterEach(() => resetSession())

  it('grants nothing when signed out, and exactly `me.permissions` when signed in', () => {
    expect(hasPermission(undefined)).toBe(false)
    Object.assign(sessionState as { me: unknown }, {
      me: { username: 'o', displayName: 'O', role: 'DISTRICT_OFFICER', unitCode: 'U', subjectId: null, permissions: OFFICER },
    })
    expect(hasPermission(undefined)).toBe(true)
    expect(hasPermission('ENTER_RECORDS')).toBe(true)
    expect(hasPermission('REVIEW_RECORDS')).toBe(false)
    forgetSession()
    expect(hasPermission('ENTER_RECORDS')).toBe(false)
  })

  it('has a menu in which every console page declares the permission it needs', () => {
    expect(menuItems.length).toBeGreaterThan(0)
    const officerMenu = menuItems.filter((m) => allows(OFFICER, m.permission)).map((m) => m.route)
    expect(officerMenu).toContain('console-record-new')
    expect(officerMenu).not.toContain('console-review')
    expect(officerMenu).not.toContain('console-users')
    expect(menuItems.filter((m) => m.group === 'admin' && allows(OFFICER, m.permission))).toEqual([])
  })
})
