import { describe, expect, it } from 'vitest'
import { gradesApply, remindersApply } from './vocabulary'

const SHENYANG = { policyCode: 'shenyang-jifang-2018', grades: false, reminderMethods: [] }
const WUGANG = { policyCode: 'wugang-2021', grades: true, reminderMethods: ['ORAL_REMINDER' as const, 'WRITTEN_REMINDER' as const, 'INTERVIEW' as const] }

describe('policy vocabularies', () => {
  it('a Shenyang user sees neither grades nor reminders', () => {
    expect(gradesApply([SHENYANG])).toBe(false)
    expect(remindersApply([SHENYANG])).toBe(false)
  })

  it('a Wugang user (or anyone over both) sees both', () => {
    expect(gradesApply([WUGANG])).toBe(true)
    expect(remindersApply([SHENYANG, WUGANG])).toBe(true)
  })

  it('nothing loaded yet grades nothing', () => {
    expect(gradesApply([])).toBe(false)
  })
})
