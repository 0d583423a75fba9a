import type { FieldError } from '@/api/fieldErrors'
import type { IntervieweeRole, ReminderMethod, ReminderRegisterInput } from '@/gql/graphql'

/** A reminder or interview that took place, as the form holds it. */
export interface ReminderForm {
  method: ReminderMethod | ''
  heldAt: string
  place: string
  content: string
  officers: string
  intervieweeName: string
  intervieweeRole: IntervieweeRole | ''
  intervieweeTitle: string
}

/** A natural person is interviewed in person; an organisation through one of its people. */
export function intervieweeRoles(person: boolean): IntervieweeRole[] {
  return person ? ['SELF'] : ['PRINCIPAL', 'MANAGER_IN_CHARGE', 'DIRECTLY_RESPONSIBLE']
}

/** The first method the grade allows, the reasons for it as the content to start from. */
export function blankReminder(methods: readonly ReminderMethod[], reasons: readonly string[], person: boolean): ReminderForm {
  return {
    method: methods[0] ?? '',
    heldAt: '',
    place: '',
    content: reasons.join('；'),
    officers: '',
    intervieweeName: '',
    intervieweeRole: person ? 'SELF' : '',
    intervieweeTitle: '',
  }
}

/** An interview also names who was interviewed (a person interviewed is the subject itself) and in what role. */
export function reminderProblems(form: ReminderForm, person: boolean, message: string): FieldError[] {
  const interview = form.method === 'INTERVIEW'
  return [
    ...(form.method ? [] : [{ field: 'method', message }]),
    ...(form.heldAt ? [] : [{ field: 'heldAt', message }]),
    ...(form.content.trim() ? [] : [{ field: 'content', message }]),
    ...(interview && !person && !form.intervieweeName.trim() ? [{ field: 'intervieweeName', message }] : []),
    ...(interview && !form.intervieweeRole ? [{ field: 'intervieweeRole', message }] : []),
  ]
}

/** Trimmed; the interviewee only for an interview. */
export function reminderInput(subjectId: string, form: ReminderForm & { method: ReminderMethod }): ReminderRegisterInput {
  const interview = form.method === 'INTERVIEW'
  return {
    subjectId,
    method: form.method,
    heldAt: form.heldAt,
    content: form.content.trim(),
    place: form.place.trim(),
    officers: form.officers.trim(),
    intervieweeName: interview ? form.intervieweeName.trim() : '',
    intervieweeRole: interview && form.intervieweeRole ? form.intervieweeRole : null,
    intervieweeTitle: interview ? form.intervieweeTitle.trim() : '',
  }
}
