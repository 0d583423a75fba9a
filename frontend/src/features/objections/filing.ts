import { request } from '@/api/client'
import type { FilingInput, FilingKind, FilingPage } from '@/features/casework/filing'
import type { ObjectionFileInput } from '@/gql/graphql'
import { ObjectionFileMutation } from './operations'

/** The input of `objectionFile`: the statement is the objection's reasons. */
export function objectionFileInput(input: FilingInput): ObjectionFileInput {
  const { statement, ...rest } = input
  return { ...rest, reasons: statement }
}

/** An objection (第十四条): about any published record, of any list; paper ones say when they came. */
export const OBJECTION_FILING: FilingKind = {
  test: 'objection',
  lists: ['WATCH', 'BLACK', 'RED'],
  statementField: 'reasons',
  statementLabel: 'objections.fields.reasons',
  statementPlaceholder: 'objections.form.reasonsPlaceholder',
  statementRequired: 'objections.form.reasonsRequired',
  submit: 'objections.form.submit',
  receivedOnLabel: 'objections.fields.receivedOn',
  async send(input) {
    const answer = (await request(ObjectionFileMutation, { input: objectionFileInput(input) })).objectionFile
    return { errors: answer.errors, filedId: answer.objection?.id }
  },
}

export const OBJECTION_FILING_PAGE: FilingPage = {
  kind: OBJECTION_FILING,
  keep: (r) => r.status === 'PUBLISHED',
  texts: 'objections.form',
  done: { title: 'objections.form.filed', detail: 'objections.form.filedDetail' },
  doneTest: 'objection-filed',
  againTest: 'objection-again',
  listRoute: 'console-objections',
  topic: 'objections',
}
