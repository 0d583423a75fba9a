/**
 * The countdown of an objection's verification deadline (SY 第十四条: 15 working days from
 * acceptance). The server counts the working days (holidays, make-up working days, the
 * admin calendar) and says what is overdue or due soon (a policy parameter); this only
 * turns its answer into words and a colour.
 */

export type DeadlineTone = 'danger' | 'warning' | 'normal' | 'none'

export interface DeadlineFacts {
  dueOn?: string | null
  workingDaysLeft?: number | null
  overdue: boolean
  dueSoon: boolean
  provisional: boolean
  warning?: string | null
}

export interface DeadlineDisplay {
  tone: DeadlineTone
  /** i18n key under `objections.deadline`. */
  key: 'notAccepted' | 'overdueBy' | 'overdue' | 'dueToday' | 'left' | 'dueOn'
  params: { n?: number; date?: string }
  provisional: boolean
  warning: string
}

export function deadlineDisplay(facts: DeadlineFacts): DeadlineDisplay {
  const base = { provisional: facts.provisional, warning: facts.warning?.trim() ?? '' }
  const date = facts.dueOn ?? undefined
  if (!date) return { ...base, tone: 'none', key: 'notAccepted', params: {} }
  const left = facts.workingDaysLeft
  if (facts.overdue) {
    // Past the due date by rest days only: overdue, though no working day has gone by.
    return left != null && left < 0
      ? { ...base, tone: 'danger', key: 'overdueBy', params: { n: -left, date } }
      : { ...base, tone: 'danger', key: 'overdue', params: { date } }
  }
  const tone: DeadlineTone = facts.dueSoon ? 'warning' : 'normal'
  if (left == null) return { ...base, tone, key: 'dueOn', params: { date } }
  if (left <= 0) return { ...base, tone: 'warning', key: 'dueToday', params: { date } }
  return { ...base, tone, key: 'left', params: { n: left, date } }
}
