import { graphql } from '@/gql'

/*
 * What a mutation payload's `errors` carry, written once. `field` and `message` are on the
 * UserError interface; `code` is each domain's own enum, so it is selected on each domain's
 * error type (GraphQL cannot merge `code` fields of different enums in one selection).
 * Operations spread them with `@unmask` (codegen's apolloUnmask): the payload's errors are
 * read in place, like the fields they replace; src/api/client.ts strips the directive.
 */

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
  }
`)

export const AccountErrorFields = graphql(`
  fragment AccountErrorFields on AccountError {
    ...UserErrorFields @unmask
    code
  }
`)

export const AssociationErrorFields = graphql(`
  fragment AssociationErrorFields on AssociationError {
    ...UserErrorFields @unmask
    code
  }
`)

export const CommitmentErrorFields = graphql(`
  fragment CommitmentErrorFields on CommitmentError {
    ...UserErrorFields @unmask
    code
  }
`)

export const PolicyErrorFields = graphql(`
  fragment PolicyErrorFields on PolicyError {
    ...UserErrorFields @unmask
    code
  }
`)

export const RecordErrorFields = graphql(`
  fragment RecordErrorFields on RecordError {
    ...UserErrorFields @unmask
    code
  }
`)

export const SubjectErrorFields = graphql(`
  fragment SubjectErrorFields on SubjectError {
    ...UserErrorFields @unmask
    code
  }
`)

export const WatchErrorFields = graphql(`
  fragment WatchErrorFields on WatchError {
    ...UserErrorFields @unmask
    code
  }
`)

export const AppealErrorFields = graphql(`
  fragment AppealErrorFields on AppealError {
    ...UserErrorFields @unmask
    code
  }
`)

export const CalendarErrorFields = graphql(`
  fragment CalendarErrorFields on CalendarError {
    ...UserErrorFields @unmask
    code
  }
`)

export const ObjectionErrorFields = graphql(`
  fragment ObjectionErrorFields on ObjectionError {
    ...UserErrorFields @unmask
    code
  }
`)

export const OutboxErrorFields = graphql(`
  fragment OutboxErrorFields on OutboxError {
    ...UserErrorFields @unmask
    code
  }
`)

export const ReminderErrorFields = graphql(`
  fragment ReminderErrorFields on ReminderError {
    ...UserErrorFields @unmask
    code
  }
`)

export const RepairErrorFields = graphql(`
  fragment RepairErrorFields on RepairError {
    ...UserErrorFields @unmask
    code
  }
`)

export const ReportErrorFields = graphql(`
  fragment ReportErrorFields on ReportError {
    ...UserErrorFields @unmask
    code
  }
`)
