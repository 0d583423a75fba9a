import { describe, expect, it } from 'vitest'
import { lastMonth, thisMonth, thisYear } from './period'
import { blankReminder, intervieweeRoles, reminderInput, reminderProblems, type ReminderForm } from './reminder'

describe('register periods', () => {
  const now = new Date(2026, 2, 15, 10, 0) // 15 March 2026, local time

  it('this month and this year run to today', () => {
    expect(thisMonth(now)).toEqual(['2026-03-01', '2026-03-15'])
    expect(thisYear(now)).toEqual(['2026-01-01', '2026-03-15'])
  })

  it('last month is whole, across a year end and a short February', () => {
    expect(lastMonth(now)).toEqual(['2026-02-01', '2026-02-28'])
    expect(lastMonth(new Date(2026, 0, 10))).toEqual(['2025-12-01', '2025-12-31'])
    expect(lastMonth(new Date(2028, 2, 1))).toEqual(['2028-02-01', '2028-02-29'])
  })
})

describe('reminder form', () => {
  const filled = (f: Partial<ReminderForm> = {}): ReminderForm => ({
    ...blankReminder(['INTERVIEW'], [], false),
    heldAt: '2026-03-10T09:30:00',
    content: '约谈未按期整改事项',
    ...f,
  })

  it('starts from the first method allowed and the reasons for it', () => {
    const form = blankReminder(['WRITTEN_REMINDER', 'INTERVIEW'], ['逾期未年报', '被列入重点关注名单'], false)
    expect(form).toMatchObject({ method: 'WRITTEN_REMINDER', content: '逾期未年报；被列入重点关注名单', intervieweeRole: '' })
    expect(blankReminder([], [], true)).toMatchObject({ method: '', intervieweeRole: 'SELF' })
  })

  it('a person is interviewed as themself, a firm through one of its people', () => {
    expect(intervieweeRoles(true)).toEqual(['SELF'])
    expect(intervieweeRoles(false)).toEqual(['PRINCIPAL', 'MANAGER_IN_CHARGE', 'DIRECTLY_RESPONSIBLE'])
  })

  it('needs the method, the time and the content', () => {
    const blank = blankReminder([], [], false)
    expect(reminderProblems(blank, false, '必填').map((p) => p.field)).toEqual(['method', 'heldAt', 'content'])
  })

  it("an interview of a firm names whom, and in what role; a person's names no one", () => {
    expect(reminderProblems(filled(), false, '必填').map((p) => p.field)).toEqual(['intervieweeName', 'intervieweeRole'])
    expect(reminderProblems(filled({ intervieweeRole: 'SELF' }), true, '必填')).toEqual([])
    expect(reminderProblems(filled({ method: 'ORAL_REMINDER' }), false, '必填')).toEqual([])
  })

  it('sends the interviewee only with an interview, trimmed', () => {
    const interview = filled({ intervieweeName: ' 王五 ', intervieweeRole: 'PRINCIPAL', intervieweeTitle: ' 总经理 ', place: ' 和平分局 ' })
    expect(reminderInput('42', { ...interview, method: 'INTERVIEW' })).toEqual({
      subjectId: '42',
      method: 'INTERVIEW',
      heldAt: '2026-03-10T09:30:00',
      content: '约谈未按期整改事项',
      place: '和平分局',
      officers: '',
      intervieweeName: '王五',
      intervieweeRole: 'PRINCIPAL',
      intervieweeTitle: '总经理',
    })
    expect(reminderInput('42', { ...interview, method: 'WRITTEN_REMINDER' })).toMatchObject({
      intervieweeName: '',
      intervieweeRole: null,
      intervieweeTitle: '',
    })
  })
})
