import { describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { deadlineDisplay, type DeadlineFacts } from './deadline'

const open = (facts: Partial<DeadlineFacts>): DeadlineFacts => ({
  dueOn: '2026-03-20',
  workingDaysLeft: 10,
  overdue: false,
  dueSoon: false,
  provisional: false,
  warning: '',
  ...facts,
})

describe('deadlineDisplay', () => {
  it('an objection not yet accepted has no countdown', () => {
    const d = deadlineDisplay(open({ dueOn: null, workingDaysLeft: null }))
    expect(d).toMatchObject({ tone: 'none', key: 'notAccepted' })
  })

  it('counts the working days left, plain while not due soon', () => {
    expect(deadlineDisplay(open({ workingDaysLeft: 10 }))).toMatchObject({
      tone: 'normal',
      key: 'left',
      params: { n: 10, date: '2026-03-20' },
    })
  })

  it('due within the due-soon window (the server says so) is orange', () => {
    expect(deadlineDisplay(open({ workingDaysLeft: 3, dueSoon: true }))).toMatchObject({ tone: 'warning', key: 'left' })
    // The threshold is the policy's: 4 days left is not "soon" unless the server says it is.
    expect(deadlineDisplay(open({ workingDaysLeft: 4 }))).toMatchObject({ tone: 'normal' })
  })

  it('0 working days left and not overdue: due today', () => {
    expect(deadlineDisplay(open({ workingDaysLeft: 0, dueSoon: true }))).toMatchObject({ tone: 'warning', key: 'dueToday' })
  })

  it('overdue is red, with the working days it is late by', () => {
    expect(deadlineDisplay(open({ workingDaysLeft: -2, overdue: true }))).toMatchObject({
      tone: 'danger',
      key: 'overdueBy',
      params: { n: 2 },
    })
  })

  it('overdue by rest days only (0 working days): still red, no count', () => {
    expect(deadlineDisplay(open({ workingDaysLeft: 0, overdue: true }))).toMatchObject({ tone: 'danger', key: 'overdue' })
  })

  it('a provisional deadline carries its warning', () => {
    const d = deadlineDisplay(open({ provisional: true, warning: ' 2027年节假日安排未公布，按周一至周五推算 ' }))
    expect(d.provisional).toBe(true)
    expect(d.warning).toBe('2027年节假日安排未公布，按周一至周五推算')
  })

  it('every key has words in both languages', () => {
    const i18n = createAppI18n('zh-CN')
    const keys = ['notAccepted', 'overdueBy', 'overdue', 'dueToday', 'left', 'dueOn', 'provisional']
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of keys) expect(i18n.global.te(`objections.deadline.${key}`, locale), `${locale} ${key}`).toBe(true)
    }
    expect(i18n.global.t('objections.deadline.left', { n: 3 })).toBe('剩余 3 个工作日')
    expect(i18n.global.t('objections.deadline.overdueBy', { n: 2 })).toBe('已逾期 2 个工作日')
  })
})
