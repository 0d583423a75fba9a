import { request } from '@/api/client'
import type { FilingInput, FilingKind, FilingPage } from '@/features/casework/filing'
import type { RepairApplyInput } from '@/gql/graphql'
import { RepairApplyMutation } from './operations'

/** The input of `repairApply`: the statement is the rectification; there is no day received. */
export function repairApplyInput(input: FilingInput): RepairApplyInput {
  const { statement, receivedOn: _receivedOn, ...rest } = input
  return { ...rest, rectification: statement }
}

/** A credit repair application (第十五条): the rectification, with evidence. */
export const REPAIR_FILING: FilingKind = {
  test: 'repair',
  lists: ['WATCH', 'BLACK'],
  statementField: 'rectification',
  statementLabel: 'repairs.fields.rectification',
  statementPlaceholder: 'repairs.form.rectificationPlaceholder',
  statementRequired: 'repairs.form.rectificationRequired',
  submit: 'repairs.form.submit',
  async send(input) {
    const answer = (await request(RepairApplyMutation, { input: repairApplyInput(input) })).repairApply
    return { errors: answer.errors, filedId: answer.repairApplication?.id }
  },
}

/** Only published bad information (hints and warnings) can be repaired. */
export const REPAIR_FILING_PAGE: FilingPage = {
  kind: REPAIR_FILING,
  keep: (r) => r.status === 'PUBLISHED' && (r.category === 'HINT' || r.category === 'WARNING'),
  texts: 'repairs.form',
  done: { title: 'repairs.form.applied', detail: 'repairs.form.appliedDetail' },
  doneTest: 'repair-applied',
  againTest: 'repair-again',
  listRoute: 'console-repairs',
  topic: 'repairs',
}
